// Pure half of the trend chart: the host's trend to uPlot's columns, and the value axis' range. No DOM.
import type { AlignedData } from 'uplot';
import type { Trend } from '../../../src/common/sector-api';
import type { Thresholds } from '../../../src/common/thresholds';

/** uPlot's aligned columns: x in epoch seconds, then the value, then (7-day buckets) the lowest and highest. */
export function chartData(trend: Trend): AlignedData {
  const x = trend.at.map((ms) => ms / 1000);
  return trend.min && trend.max ? [x, trend.value, trend.min, trend.max] : [x, trend.value];
}

/**
 * The value axis spans the data and both thresholds (so the lines a reading is measured against are always on
 * the chart), with a little air above and below; a flat series gets a span of its own so it is not drawn on
 * the frame's edge.
 */
export function valueRange(min: number | null, max: number | null, t: Thresholds | null): [number, number] {
  const values = [min, max, t?.warning, t?.critical].filter(
    (v): v is number => v !== null && v !== undefined && Number.isFinite(v),
  );
  if (values.length === 0) return [0, 1];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi === lo) {
    const pad = Math.abs(hi) * 0.1 || 1;
    lo -= pad;
    hi += pad;
  }
  const air = (hi - lo) * 0.08;
  const floor = lo >= 0 && lo - air < 0 ? 0 : lo - air;
  return [floor, hi + air];
}
