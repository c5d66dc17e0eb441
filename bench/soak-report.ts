// The soak's table: per page, memory at the start, after the warm-up and at the end, and the growth after the
// warm-up, both over the run and as a least-squares rate per hour.

/** One process group (a page's renderers, the GPU process, ...) sampled once a minute. */
export interface Series {
  name: string;
  pss: (number | null)[];
  heap: (number | null)[];
}

const MB = 1024 * 1024;
const mb = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v / MB).toFixed(0)}`);
const pct = (v: number) => (Number.isFinite(v) ? `${v >= 0 ? '+' : ''}${v.toFixed(1)} %` : '—');

/** Least-squares slope of (minute, value) over the samples from `from` on, per minute. */
export function slopePerMinute(values: readonly (number | null)[], from: number): number {
  const pts = values
    .map((v, i) => [i, v] as const)
    .filter((p): p is readonly [number, number] => p[0] >= from && p[1] !== null);
  if (pts.length < 2) return NaN;
  const mx = pts.reduce((s, p) => s + p[0], 0) / pts.length;
  const my = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  const den = pts.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
  return pts.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0) / den;
}

export function sumSeries(name: string, parts: readonly Series[]): Series {
  const len = Math.max(0, ...parts.map((p) => p.pss.length));
  const add = (pick: (s: Series) => (number | null)[], i: number) => {
    const vs = parts.map((p) => pick(p)[i]);
    return vs.every((v) => v === null || v === undefined) ? null : vs.reduce<number>((s, v) => s + (v ?? 0), 0);
  };
  return {
    name,
    pss: Array.from({ length: len }, (_, i) => add((s) => s.pss, i)),
    heap: Array.from({ length: len }, (_, i) => add((s) => s.heap, i)),
  };
}

function row(s: Series, warmup: number): string[] {
  const last = s.pss.length - 1;
  const base = s.pss[warmup] ?? null;
  const end = s.pss[last] ?? null;
  const grown = base && end !== null ? ((end - base) / base) * 100 : NaN;
  const perHour = slopePerMinute(s.pss, warmup) * 60;
  return [
    s.name,
    mb(s.pss[0]),
    mb(base),
    mb(end),
    pct(grown),
    Number.isFinite(perHour)
      ? `${perHour >= 0 ? '+' : ''}${(perHour / MB).toFixed(0)} MB (${pct(base ? (perHour / base) * 100 : NaN)})`
      : '—',
    `${mb(s.heap[warmup])} → ${mb(s.heap[last])}`,
  ];
}

/** The table, aligned; `warmup` is the sample index (minute) growth is measured from. */
export function soakTable(series: readonly Series[], totals: readonly Series[], warmup: number): string {
  const head = [
    'process',
    'PSS start',
    `PSS min ${warmup}`,
    'PSS end',
    `growth after min ${warmup}`,
    'growth per hour',
    'JS heap',
  ];
  const rows = [head, ...series.map((s) => row(s, warmup)), ...totals.map((s) => row(s, warmup))];
  const widths = head.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [
    line(head),
    rule,
    ...rows.slice(1, 1 + series.length).map(line),
    rule,
    ...rows.slice(1 + series.length).map(line),
  ].join('\n');
}
