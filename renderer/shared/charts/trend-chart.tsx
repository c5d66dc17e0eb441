// A sector series' trend on a uPlot canvas, for the console's Sektor view and the wall's sector tiles.
// uPlot draws 100k points within a frame on one canvas (design/libraries.md); SVG charts do not. One chart
// object lives per mounted component: created on mount, fed with setData, resized with its box, and destroyed on
// unmount, so a wall that switches layouts all day keeps no canvas behind (issue 9's soak).
// Type size and colours come from the element's own CSS (font-size, --chart-* custom properties): the wall's
// stylesheet scales them with the screen, the console's keeps them at desk size.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Trend } from '../../../src/common/sector-api';
import type { Thresholds } from '../../../src/common/thresholds';
import { ROOM_TIME_ZONE } from '../format';
import { locale, type Lang } from '../i18n';
import { chartData, valueRange } from './trend-data';

export interface TrendChartProps {
  trend: Trend;
  thresholds: Thresholds | null;
  unit: string;
  lang: Lang;
  /** Accessible name of the chart (the series' name and range); the figures are in the text beside it. */
  label: string;
  className?: string;
}

interface ChartLook {
  font: string;
  fontPx: number;
  line: string;
  band: string;
  grid: string;
  text: string;
  warning: string;
  critical: string;
}

function lookOf(el: HTMLElement): ChartLook {
  const css = getComputedStyle(el);
  const fontPx = Number.parseFloat(css.fontSize) || 12;
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    font: `${fontPx}px ${css.fontFamily}`,
    fontPx,
    line: v('--chart-line', '#4ea1ff'),
    band: v('--chart-band', 'rgba(78, 161, 255, 0.18)'),
    grid: v('--chart-grid', 'rgba(169, 184, 207, 0.18)'),
    text: v('--chart-text', '#a9b8cf'),
    warning: v('--warn', '#e3b341'),
    critical: v('--bad', '#ff4d4f'),
  };
}

/** Dashed horizontal lines at the thresholds, drawn over the plot so a reading's distance to them is seen. */
function thresholdLines(thresholds: () => Thresholds | null, look: ChartLook): uPlot.Plugin {
  return {
    hooks: {
      draw: (u) => {
        const t = thresholds();
        if (!t) return;
        const ctx = u.ctx;
        const { left, top, width, height } = u.bbox;
        ctx.save();
        ctx.beginPath();
        ctx.rect(left, top, width, height);
        ctx.clip();
        ctx.lineWidth = Math.max(1, look.fontPx / 8) * devicePixelRatio;
        ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
        for (const [value, colour] of [
          [t.warning, look.warning],
          [t.critical, look.critical],
        ] as const) {
          const y = Math.round(u.valToPos(value, 'y', true));
          ctx.strokeStyle = colour;
          ctx.beginPath();
          ctx.moveTo(left, y);
          ctx.lineTo(left + width, y);
          ctx.stroke();
        }
        ctx.restore();
      },
    },
  };
}

function options(
  look: ChartLook,
  size: { width: number; height: number },
  props: () => TrendChartProps,
  withBand: boolean,
): uPlot.Options {
  const { lang } = props();
  const number = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1, notation: 'compact' });
  // Times in the room's zone and language: hours for the last day, days for the week.
  const clock = new Intl.DateTimeFormat(locale(lang), {
    timeZone: ROOM_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  const day = new Intl.DateTimeFormat(locale(lang), { timeZone: ROOM_TIME_ZONE, day: 'numeric', month: 'short' });
  const timeLabel = (seconds: number, span: number) =>
    (span > 2 * 86_400 ? day : clock).format(new Date(seconds * 1000));
  const axis = (): uPlot.Axis => ({
    stroke: look.text,
    font: look.font,
    grid: { stroke: look.grid, width: 1 },
    ticks: { stroke: look.grid, width: 1, size: look.fontPx / 3 },
  });
  const series: uPlot.Series[] = [
    {},
    { label: props().unit, stroke: look.line, width: Math.max(1.5, look.fontPx / 7), points: { show: false } },
  ];
  if (withBand) {
    series.push({ stroke: 'transparent', points: { show: false } }, { stroke: 'transparent', points: { show: false } });
  }
  return {
    width: size.width,
    height: size.height,
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), ROOM_TIME_ZONE),
    scales: {
      x: { time: true },
      y: { range: (_u, min, max) => valueRange(min, max, props().thresholds) },
    },
    // Ticks spaced by the type size, so a wall's larger labels get fewer of them, never crowded.
    axes: [
      {
        ...axis(),
        size: look.fontPx * 2.2,
        space: look.fontPx * 7,
        values: (u, splits) => {
          const span = (u.scales.x?.max ?? 0) - (u.scales.x?.min ?? 0);
          return splits.map((s) => timeLabel(s, span));
        },
      },
      {
        ...axis(),
        size: look.fontPx * 4,
        space: look.fontPx * 3.5,
        values: (_u, splits) => splits.map((s) => number.format(s)),
      },
    ],
    series,
    bands: withBand ? [{ series: [3, 2], fill: look.band }] : [],
    plugins: [thresholdLines(() => props().thresholds, look)],
  };
}

export function TrendChart(props: TrendChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const withBand = props.trend.min !== null && props.trend.max !== null;

  // One chart per mount (and per band/no-band shape); data and size flow into it without a rebuild.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const look = lookOf(el);
    const size = { width: Math.max(1, el.clientWidth), height: Math.max(1, el.clientHeight) };
    const u = new uPlot(
      options(look, size, () => latest.current, withBand),
      chartData(latest.current.trend),
      el,
    );
    chart.current = u;
    const resize = new ResizeObserver(() => {
      const width = Math.max(1, el.clientWidth);
      const height = Math.max(1, el.clientHeight);
      if (width !== u.width || height !== u.height) u.setSize({ width, height });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      chart.current = null;
    };
  }, [withBand, props.lang]);

  useEffect(() => {
    chart.current?.setData(chartData(props.trend));
  }, [props.trend, props.thresholds]);

  return (
    <div
      ref={box}
      className={`trend-chart${props.className ? ` ${props.className}` : ''}`}
      role="img"
      aria-label={props.label}
      data-points={props.trend.at.length}
    />
  );
}
