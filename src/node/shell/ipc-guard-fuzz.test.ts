// The Electron transport's door (issue 10, item 9): whatever frame URL and request name a renderer sends, only a
// contract name from a Nawa page passes to the host (whose dispatcher host-fuzz.test.ts fuzzes); everything
// else is answered as data with `forbidden` or `unknown_request`. 500 in `npm test`, 10,000 by `npm run fuzz`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRequestName, REQUESTS } from '../../common/host-api';
import { anyJson, FUZZ_SEED, fuzzRuns, hostileText } from '../base/fuzz-kit';
import { isAppUrl } from './app-origin';
import { guardRequest } from './ipc-guard';

const RUNS = fuzzRuns(500);

const senderUrl = fc.oneof(
  fc.constantFrom(
    'app://nawa/',
    'app://nawa/wall/3',
    'app://evil/',
    'https://bmkg.go.id/',
    'file:///',
    null,
    undefined,
  ),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  hostileText.map((t) => `app://${t}/`),
  hostileText,
);
const name = fc.oneof(fc.constantFrom(...Object.keys(REQUESTS)), hostileText, anyJson);

describe('IPC guard fuzz (issue 10, item 9)', () => {
  it(`passes only contract requests from Nawa pages, over ${RUNS} random senders and names`, () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(senderUrl, name, (url, n) => {
        const r = guardRequest(url, n);
        const key = r.ok ? 'passed' : r.error.code;
        seen.set(key, (seen.get(key) ?? 0) + 1);
        const allowed = isAppUrl(url) && typeof n === 'string' && isRequestName(n);
        expect(r.ok).toBe(allowed);
        if (!r.ok) {
          expect(r.error.code).toBe(isAppUrl(url) ? 'unknown_request' : 'forbidden');
          expect(r.error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS, seed: FUZZ_SEED },
    );
    expect(seen.get('passed')).toBeGreaterThan(0);
    console.log(`ipc guard fuzz: ${RUNS} messages: ${[...seen].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  });
});
