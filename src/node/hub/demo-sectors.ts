// The demo's sector thresholds and a week of older readings, so a demo hub's dashboards show levels and 7-day
// trends. The older readings walk back from the seed's first reading on their own generator, so every value the
// seed made before stays as it was.
import type { Series } from '../../common/entities';
import type { Thresholds } from '../../common/thresholds';
import type { SeriesModel } from './demo-content';
import { seededRandom } from './feed-writer';

/** Levels a room would set: past these, someone should look (numbers in the series' unit). */
export const DEMO_THRESHOLDS: Record<string, Thresholds> = {
  'transport.penumpang-ka-kepanjen': { direction: 'above', warning: 600, critical: 750 },
  'health.rsud-kanjuruhan-tt': { direction: 'above', warning: 88, critical: 95 },
  'health.kunjungan-igd': { direction: 'above', warning: 35, critical: 50 },
  'energy.beban-listrik': { direction: 'above', warning: 600, critical: 660 },
  'energy.plta-sutami': { direction: 'below', warning: 40, critical: 20 },
  'traffic.kepadatan-kepanjen': { direction: 'above', warning: 85, critical: 95 },
  'payment.transaksi': { direction: 'below', warning: 1000, critical: 300 },
  'education.sekolah-terhubung': { direction: 'below', warning: 75, critical: 60 },
  'egov.antrean-dukcapil': { direction: 'above', warning: 150, critical: 250 },
  'connectivity.desa-online': { direction: 'below', warning: 85, critical: 75 },
  'tourism.wisatawan': { direction: 'above', warning: 40000, critical: 55000 },
};

export function demoSeries(model: SeriesModel): Series {
  const thresholds = DEMO_THRESHOLDS[model.series.id];
  return thresholds ? { ...model.series, thresholds } : model.series;
}

/**
 * Values for the `count` steps before `first`, oldest first: the same walk as the seed's, backwards. `salt` keeps
 * each series on its own generator.
 */
export function olderValues(model: SeriesModel, first: number, count: number, salt: number): number[] {
  const random = seededRandom(3508 + salt);
  const out: number[] = [];
  let value = first;
  for (let i = 0; i < count; i++) {
    value = Math.min(model.max, Math.max(model.min, value + (random() - 0.5) * 2 * model.step));
    out.push(Number(value.toFixed(model.decimals)));
  }
  return out.reverse();
}
