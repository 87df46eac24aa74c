import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { CoderDrift, DriftPoint } from '../../../shared/agreement/drift.ts';

// ECharts (Apache) from its parts: lines (the interval is a stacked band), grid, legend, tooltip, SVG.
echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { echarts };

const PALETTE = ['#2f6f9f', '#d9822b', '#3c8d5a', '#b0413e', '#7a5ea8', '#8c6d46', '#c06c9b'];

export interface DriftLabels {
  alpha: string;
  interval: string;
  axis: string;
  coderName: (id: string) => string;
  /** A coefficient in the UI's language (decimal comma in kk and ru): axis ticks and tooltip. */
  number: (value: number) => string;
}

/** Only drawn points: a period with too few units (or α undefined) is a gap in its line. */
const drawn = (
  points: readonly DriftPoint[],
  periods: readonly string[],
  pick: (p: DriftPoint) => number,
) => {
  const byPeriod = new Map(points.filter((p) => p.value !== null).map((p) => [p.period, p]));
  return periods.map((period) => {
    const point = byPeriod.get(period);
    return point ? pick(point) : null;
  });
};

/**
 * α per period as a solid line over its 95 % interval (a band: the lower bound, invisible, with
 * the interval's width stacked on it), and each coder's agreement as a dashed line.
 */
export function driftOption(
  alpha: readonly DriftPoint[],
  coders: readonly CoderDrift[],
  periods: readonly string[],
  labels: DriftLabels,
): echarts.EChartsCoreOption {
  const withCi = alpha.filter((p) => p.value !== null && p.ci);
  const line = { type: 'line', connectNulls: false, symbolSize: 6 } as const;
  return {
    animation: false,
    backgroundColor: '#ffffff',
    color: PALETTE,
    textStyle: { fontFamily: 'system-ui, "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif' },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value: unknown) => (typeof value === 'number' ? labels.number(value) : '–'),
    },
    legend: {
      top: 0,
      type: 'scroll',
      data: [labels.alpha, ...coders.map((c) => labels.coderName(c.coderId))],
    },
    grid: { left: 48, right: 24, top: 36, bottom: 48 },
    xAxis: { type: 'category', data: periods, name: labels.axis, nameLocation: 'middle', nameGap: 30 },
    yAxis: {
      type: 'value',
      max: 1,
      min: (v: { min: number }) => Math.min(0, Math.floor(v.min * 10) / 10),
      axisLabel: { formatter: (value: number) => labels.number(value) },
    },
    series: [
      ...(withCi.length > 0
        ? [
            {
              ...line,
              name: `${labels.interval} (lower)`,
              data: drawn(withCi, periods, (p) => p.ci![0]),
              stack: 'ci',
              lineStyle: { opacity: 0 },
              symbol: 'none',
              tooltip: { show: false },
            },
            {
              ...line,
              name: labels.interval,
              data: drawn(withCi, periods, (p) => p.ci![1] - p.ci![0]),
              stack: 'ci',
              lineStyle: { opacity: 0 },
              symbol: 'none',
              areaStyle: { color: 'rgba(47, 111, 159, 0.18)' },
              tooltip: { show: false },
            },
          ]
        : []),
      {
        ...line,
        name: labels.alpha,
        data: drawn(alpha, periods, (p) => p.value!),
        lineStyle: { width: 3 },
        color: PALETTE[0],
      },
      ...coders.map((c, i) => ({
        ...line,
        name: labels.coderName(c.coderId),
        data: drawn(c.points, periods, (p) => p.value!),
        lineStyle: { type: 'dashed' },
        color: PALETTE[1 + (i % (PALETTE.length - 1))],
      })),
    ],
  };
}

/** Every period of the variable and its coders, in order (weeks sort as text, blocks by number). */
export function driftPeriods(alpha: readonly DriftPoint[], coders: readonly CoderDrift[]): string[] {
  const all = new Set([...alpha, ...coders.flatMap((c) => c.points)].map((p) => p.period));
  return [...all].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
}
