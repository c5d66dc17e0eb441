// Pure half of the threshold editor: the supervisor's typed limits to the contract's Thresholds, or what is wrong.
// Typed the way an Indonesian keyboard writes numbers too: "1.000,5" and "1000.5" are both understood.
import { Thresholds } from '../../../src/common/thresholds';

export interface ThresholdDraft {
  direction: 'above' | 'below';
  warning: string;
  critical: string;
}

export type ThresholdProblem = 'number' | 'order.above' | 'order.below';

/** A number as an operator types it: "600", "87,5" (Indonesian decimal comma), "1.000" or "1.000,5" (thousands dots). */
export function parseLimit(text: string): number | null {
  const s = text.trim().replace(/\s/g, '');
  if (s === '') return null;
  let normal: string;
  if (s.includes(',')) normal = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) normal = s.replace(/\./g, '');
  else normal = s;
  if (!/^-?\d+(\.\d+)?$/.test(normal)) return null;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

export function draftOf(t: Thresholds | null): ThresholdDraft {
  return t
    ? { direction: t.direction, warning: String(t.warning), critical: String(t.critical) }
    : { direction: 'above', warning: '', critical: '' };
}

export function thresholdsOf(
  draft: ThresholdDraft,
): { ok: true; value: Thresholds } | { ok: false; problem: ThresholdProblem } {
  const warning = parseLimit(draft.warning);
  const critical = parseLimit(draft.critical);
  if (warning === null || critical === null) return { ok: false, problem: 'number' };
  const parsed = Thresholds.safeParse({ direction: draft.direction, warning, critical });
  if (!parsed.success) return { ok: false, problem: draft.direction === 'above' ? 'order.above' : 'order.below' };
  return { ok: true, value: parsed.data };
}
