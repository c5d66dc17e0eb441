// `npm run bench`: measures and prints; never fails on a figure. Pick some with `npm run bench -- drain switch`.
import { benchCatchUp } from './catch-up';
import { benchCatchUpPg, benchHubBackends } from './hub-backends';
import { benchMapRender } from './map-render';
import { benchOutboxDrain } from './outbox-drain';
import { benchReadings } from './readings';
import { benchRecords } from './records';
import { benchSwitchLatency } from './switch-latency';

const BENCHES: Record<string, () => Promise<void>> = {
  drain: () => benchOutboxDrain(),
  catchup: () => benchCatchUp(),
  hubs: () => benchHubBackends(),
  'catchup-pg': () => benchCatchUpPg(),
  readings: () => benchReadings(),
  records: () => benchRecords(),
  switch: () => benchSwitchLatency(),
  map: () => benchMapRender(),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const name of wanted.length ? wanted : Object.keys(BENCHES)) {
  const bench = BENCHES[name];
  if (!bench) {
    process.stderr.write(`no benchmark named ${name}; known: ${Object.keys(BENCHES).join(', ')}\n`);
    process.exitCode = 2;
    continue;
  }
  await bench();
}
