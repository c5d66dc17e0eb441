// The back-off formulas of every retry loop (the sync engine, the outbox, the browser's link to the host,
// wall restarts after a crash), written once.

/** Doubling from `baseMs` for each attempt (0-based), capped at `capMs`. */
export function exponentialMs(attempt: number, baseMs: number, capMs: number): number {
  return Math.min(capMs, baseMs * 2 ** Math.min(Math.max(attempt, 0), 30));
}

/** Full jitter: a random wait in [0, exponentialMs); many clients that failed together spread out the most. */
export function fullJitter(attempt: number, baseMs = 500, capMs = 30_000, random = Math.random): number {
  return Math.floor(random() * exponentialMs(attempt, baseMs, capMs));
}

/** Equal jitter: between half and all of exponentialMs, so a retry never comes at once yet nine walls do not stampede. */
export function equalJitter(attempt: number, baseMs: number, capMs: number, random = Math.random): number {
  return Math.round(exponentialMs(attempt, baseMs, capMs) * (0.5 + random() * 0.5));
}
