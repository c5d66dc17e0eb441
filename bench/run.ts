// `npm run bench`: measures and prints; never fails on a figure. Pick some with `npm run bench -- drain switch`.
import { benchOutboxDrain } from './outbox-drain';

const BENCHES: Record<string, () => Promise<void>> = {
  drain: () => benchOutboxDrain(),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const name of wanted.length ? wanted : Object.keys(BENCHES)) {
  const bench = BENCHES[name];
  if (!bench) { process.stderr.write(`no benchmark named ${name}; known: ${Object.keys(BENCHES).join(', ')}\n`); process.exitCode = 2; continue; }
  await bench();
}
