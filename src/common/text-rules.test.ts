import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CONSOLE_ID, SafeText, textProblem } from './text-rules';

const line = SafeText({ max: 20 });
const optional = SafeText({ min: 0, max: 20 });
const multi = SafeText({ max: 50, multiline: true });

describe('text rules', () => {
  it('stores text NFC-normalised and trimmed', () => {
    // "e" + combining acute becomes the one code point U+00E9.
    expect(line.parse('  Kepanjen\u0065\u0301 ')).toBe('Kepanjen\u00e9');
    expect(line.parse('\tBanjir\n')).toBe('Banjir');
  });

  it('refuses text that is empty once zero-width characters are removed', () => {
    for (const s of ['\u200B', ' \u200B\u200C\u200D ', '\uFEFF', '\u2060', ''])
      expect(line.safeParse(s).success, JSON.stringify(s)).toBe(false);
    expect(optional.parse('')).toBe('');
    expect(optional.safeParse('\u200B').success).toBe(false);
    // A zero-width joiner inside real text (emoji, Indic scripts) is allowed.
    expect(line.parse('a\u200Db')).toBe('a\u200Db');
  });

  it('refuses control characters, allowing line feed and tab only in multi-line fields', () => {
    expect(textProblem('a\u0000b', { max: 9 })).toBe('control_character');
    expect(textProblem('a\nb', { max: 9 })).toBe('control_character');
    expect(textProblem('a\u007Fb', { max: 9 })).toBe('control_character');
    expect(textProblem('a\u0085b', { max: 9 })).toBe('control_character');
    expect(multi.parse('baris satu\n\tbaris dua')).toBe('baris satu\n\tbaris dua');
    expect(multi.safeParse('a\rb').success).toBe(false);
    expect(multi.safeParse('a\u0000b').success).toBe(false);
  });

  it('refuses lone surrogates and bidirectional overrides or isolates', () => {
    expect(line.safeParse('a\uD800b').success).toBe(false);
    expect(line.safeParse('a\uDC00').success).toBe(false);
    expect(line.parse('banjir \uD83C\uDF0A')).toBe('banjir \uD83C\uDF0A');
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(textProblem(`gpj${c}exe`, { max: 20 })).toBe('bidi_control');
    }
    // Right-to-left text itself is fine (Arabic in a name).
    expect(line.parse('\u0645\u0627\u0644\u0627\u0646\u062c')).toBe('\u0645\u0627\u0644\u0627\u0646\u062c');
  });

  it('counts the length after normalising and names the field in a zod issue', () => {
    expect(line.safeParse(`  ${'x'.repeat(20)}  `).success).toBe(true);
    const r = z.strictObject({ title: line }).safeParse({ title: 'x'.repeat(21) });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['title']);
  });

  it('holds consoleId to 64 letters, digits, ".", "_", "-"', () => {
    for (const ok of ['console-1', 'ruang.kendali_2', 'a'.repeat(64)]) expect(CONSOLE_ID.test(ok)).toBe(true);
    for (const bad of ['', 'a'.repeat(65), 'konsol 1', 'k/1', 'k\u202E1', 'k\n'])
      expect(CONSOLE_ID.test(bad), JSON.stringify(bad)).toBe(false);
  });
});
