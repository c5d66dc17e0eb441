// What the fuzz tests share (issue 10, item 9): how many inputs (a short form in `npm test`, 10,000 in
// `npm run fuzz`), the fixed seed, and arbitraries for input that is wrong in the ways clients get it wrong:
// not JSON, JSON of the wrong shape, a valid body with one field broken, hostile text, deep nesting.
// Imported by tests only (fast-check is a dev dependency).
import fc from 'fast-check';

export const FUZZ_LONG = process.env.NAWA_FUZZ === 'long';
/** Fixed, so a failure is the same on every machine; NAWA_FUZZ_SEED tries another. */
export const FUZZ_SEED = Number(process.env.NAWA_FUZZ_SEED ?? 20261201);
/** `short` inputs in `npm test`, `long` (10,000) with NAWA_FUZZ=long (`npm run fuzz`). */
export const fuzzRuns = (short: number, long = 10_000): number => (FUZZ_LONG ? long : short);
/** Long enough for the long form on two shared cores. */
export const FUZZ_TIMEOUT_MS = FUZZ_LONG ? 900_000 : 120_000;

/** Text that breaks naive handling: controls, NUL, bidi overrides, zero-width, lone surrogates, prototype keys. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u200b',
    '\u202eevil',
    '\u2066x\u2069',
    '\ud800',
    '\udfff\ud800',
    'a\u0007b',
    '__proto__',
    'constructor',
    'toString',
    '../../etc/passwd',
    '%00',
    '%E0%A4%A',
    "'; DROP TABLE accounts; --",
    '<script>alert(1)</script>',
    '𝓃𝒶𝓌𝒶'.repeat(50),
    'x'.repeat(5000),
  ),
);

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1e308, -0, Number.MAX_SAFE_INTEGER + 2, 2 ** 53, true, false, null),
);

/** Any JSON value, keys included hostile. */
export const anyJson: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('v'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(hostileText, fc.constantFrom('__proto__', 'constructor', 'id', 'data')), tie('v'), {
      maxKeys: 5,
    }),
  ),
})).v;

/** `valid` with one thing broken: a field replaced, removed or added, at any depth. Filter the result by the schema. */
export function perturbed(valid: unknown): fc.Arbitrary<unknown> {
  return fc
    .tuple(fc.nat(), fc.nat(), anyJson, hostileText)
    .map(([pick, how, value, key]) => perturbAt(structuredClone(valid), pick, how, value, key));
}

/** `valid` with one field (at any depth) replaced by `value`. */
function perturbedWith(valid: unknown, value: unknown): fc.Arbitrary<unknown> {
  return fc.nat().map((pick) => perturbAt(structuredClone(valid), pick, 0, value, ''));
}

function perturbAt(root: unknown, pick: number, how: number, value: unknown, key: string): unknown {
  const spots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (v: unknown) => {
    if (!v || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      spots.push({ parent: v as Record<string, unknown>, key: Array.isArray(v) ? Number(k) : k });
      walk(x);
    }
  };
  walk(root);
  const spot = spots[pick % Math.max(1, spots.length)];
  if (!spot) return value;
  const parent = spot.parent as Record<string | number, unknown>;
  switch (how % 3) {
    case 0:
      parent[spot.key] = value;
      break;
    case 1:
      if (Array.isArray(parent)) parent.splice(spot.key as number, 1);
      else delete parent[spot.key];
      break;
    default:
      if (Array.isArray(parent)) parent.push(value);
      else Object.defineProperty(parent, key === '' ? '_' : key, { value, enumerable: true, configurable: true });
  }
  return root;
}

const DEEP = '\u0000deep\u0000';
/** JSON text nested `n` deep: arrays, or objects of one key. */
const deepText = (n: number, open: '[' | '{"a":') =>
  open.repeat(n) + (open === '[' ? ']'.repeat(n) : `1${'}'.repeat(n)}`);

/** A body's bytes: JSON of any shape, broken JSON, not JSON at all, invalid UTF-8, deep nesting. */
export function malformedBody(valid: unknown): fc.Arbitrary<Uint8Array<ArrayBuffer> | string> {
  return fc.oneof(
    { weight: 4, arbitrary: perturbed(valid).map((v) => JSON.stringify(v) ?? 'undefined') },
    {
      // One field of a valid body nested thousands deep: recursion in whatever reads it.
      weight: 1,
      arbitrary: fc
        .tuple(perturbedWith(valid, DEEP), fc.integer({ min: 1000, max: 100_000 }), fc.constantFrom('[', '{"a":'))
        .map(([v, n, open]) => (JSON.stringify(v) ?? '').replace(JSON.stringify(DEEP), deepText(n, open as '['))),
    },
    { weight: 2, arbitrary: anyJson.map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: perturbed(valid).map((v) => (JSON.stringify(v) ?? '').slice(0, -1)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => new Uint8Array(b)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 100, max: 150_000 }), fc.constantFrom('[', '{"a":'))
        .map(([n, open]) => deepText(n, open as '[')),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '',
        'null',
        'true',
        '0',
        '"text"',
        '[]',
        '{}',
        '\ufeff{}',
        '{"a":1,"a":2}',
        '{"__proto__":{"admin":true}}',
        'NaN',
        '{"a":1e999}',
      ),
    },
  );
}
