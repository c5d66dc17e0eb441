// Small helpers shared by the benchmarks: percentiles and aligned output.
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(samples: readonly number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s[s.length - 1] ?? NaN,
  };
}

export const ms = (v: number) => `${v.toFixed(1)} ms`;

/** Times `n` calls of `f` (after a few untimed ones), in milliseconds. */
export function time(f: () => unknown, n: number) {
  const samples: number[] = [];
  for (let i = 0; i < Math.min(50, n); i++) f();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    f();
    samples.push(performance.now() - t);
  }
  return summarize(samples);
}

export const fmt = (s: ReturnType<typeof summarize>) =>
  `p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms (${s.n})`;

export function report(title: string, rows: [string, string][]): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(`\n${title}\n${rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n')}\n`);
}
