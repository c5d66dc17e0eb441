// Short form in `npm test`, long form in `npm run test:faults` (NAWA_FAULTS=long).
export const LONG = process.env.NAWA_FAULTS === 'long';

/** Prints a figure the long form's note quotes. */
export function figure(test: string, facts: Record<string, unknown>): void {
  process.stdout.write(
    `[faults${LONG ? ' long' : ''}] ${test}: ${Object.entries(facts)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(', ')}\n`,
  );
}

/** A seeded generator, so a failing run can be repeated with NAWA_FAULTS_SEED. */
export function seeded(seed = Number(process.env.NAWA_FAULTS_SEED ?? Date.now() % 1_000_000)): {
  random: () => number;
  seed: number;
} {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  process.stdout.write(
    `[faults] seed ${seed} (NAWA_FAULTS_SEED=${seed} repeats the random choices; timing still varies)\n`,
  );
  return { random, seed };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
