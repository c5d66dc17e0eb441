// The text rules of central-api.md v1.1 ("Transport and request hygiene"), pure so the hub and the console
// judge a title, a summary or a name the same way: NFC and trimmed; no control characters (line feed and tab
// allowed in multi-line fields), no lone surrogates, no bidirectional overrides or isolates, and not empty once
// zero-width characters are taken out.
import { z } from 'zod';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u180E]/g;

export type TextProblem = 'lone_surrogate' | 'control_character' | 'bidi_control' | 'empty' | 'too_long';

export interface TextRule {
  /** Characters after normalising; default 1 (an empty string is refused). */
  min?: number;
  max: number;
  /** Line feed and tab allowed (rationale, action, note). */
  multiline?: boolean;
}

export const TEXT_PROBLEM_MESSAGES: Record<TextProblem, string> = {
  lone_surrogate: 'holds a lone surrogate (not valid Unicode text)',
  control_character: 'holds a control character',
  bidi_control: 'holds a bidirectional override or isolate (U+202A-U+202E, U+2066-U+2069)',
  empty: 'is empty (zero-width characters do not count)',
  too_long: 'is too long',
};

/** NFC and trimmed: the form in which a text field is stored and published. */
export function normalizeText(raw: string): string {
  return raw.normalize('NFC').trim();
}

/** What is wrong with an already normalised text under `rule`, or null when it is fine. */
export function textProblem(text: string, rule: TextRule): TextProblem | null {
  if (LONE_SURROGATE.test(text)) return 'lone_surrogate';
  if ((rule.multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(text)) return 'control_character';
  if (BIDI_CONTROL.test(text)) return 'bidi_control';
  const visible = text.replace(ZERO_WIDTH, '');
  // An optional field may be empty, but not made of zero-width characters only.
  if (visible.length === 0 && (text.length > 0 || (rule.min ?? 1) > 0)) return 'empty';
  if (text.length < (rule.min ?? 1)) return 'empty';
  if (text.length > rule.max) return 'too_long';
  return null;
}

/** A zod string that is normalised (NFC, trimmed) and then held to the text rules. */
export function SafeText(rule: TextRule) {
  return z
    .string()
    .overwrite((raw) => (LONE_SURROGATE.test(raw) ? raw : normalizeText(raw)))
    .check((ctx) => {
      const problem = textProblem(ctx.value, rule);
      if (problem) {
        const message =
          problem === 'too_long' ? `is longer than ${rule.max} characters` : TEXT_PROBLEM_MESSAGES[problem];
        ctx.issues.push({ code: 'custom', message, input: ctx.value });
      }
    });
}

/** The envelope's consoleId: at most 64 letters, digits, ".", "_", "-". */
export const CONSOLE_ID = /^[A-Za-z0-9._-]{1,64}$/;
