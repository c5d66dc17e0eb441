/** Full-jitter exponential back-off: a random wait in [0, min(cap, base * 2^attempt)]. */
export function fullJitter(attempt: number, baseMs = 500, capMs = 30_000, random = Math.random): number {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30)));
}

export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
  });
