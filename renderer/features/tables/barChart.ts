import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

// ECharts (Apache) built from its parts: bars, grid, legend, tooltip, and both renderers —
// SVG on screen and for the .svg file, canvas for the .png it draws itself.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer, CanvasRenderer]);

export { echarts };

/** One bar per category (a frequency table), or one stacked bar per row value (a cross-tab). */
export interface ChartData {
  categories: string[];
  series: { name: string; values: number[] }[];
  /** The axis title, e.g. "Count". */
  valueLabel: string;
}

const PALETTE = [
  '#2f6f9f',
  '#d9822b',
  '#3c8d5a',
  '#b0413e',
  '#7a5ea8',
  '#8c6d46',
  '#c06c9b',
  '#6b7b8c',
  '#a7a33b',
  '#3fa3a3',
];

/** Height that gives every bar room for its label. */
export function chartHeight(data: ChartData): number {
  return Math.max(200, 60 + data.categories.length * 28 + (data.series.length > 1 ? 40 : 0));
}

/**
 * Horizontal bars, largest at the top (the order of the table), labels in full on the left —
 * Kazakh and Russian region names are long. Fonts are the system's sans-serif, which carries
 * Cyrillic with ә ғ қ ң ө ұ ү һ і on every desktop Kodtau runs on.
 */
export function chartOption(data: ChartData): echarts.EChartsCoreOption {
  const stacked = data.series.length > 1;
  return {
    animation: false,
    backgroundColor: '#ffffff',
    color: PALETTE,
    textStyle: { fontFamily: 'system-ui, "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    ...(stacked ? { legend: { top: 0, type: 'scroll' } } : {}),
    grid: {
      left: 12,
      right: 32,
      top: stacked ? 36 : 12,
      bottom: 32,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    xAxis: { type: 'value', name: data.valueLabel, nameLocation: 'middle', nameGap: 24, minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: data.categories,
      axisLabel: { width: 260, overflow: 'truncate' },
    },
    series: data.series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values,
      ...(stacked ? { stack: 'total' } : { label: { show: true, position: 'right' } }),
    })),
  };
}

/** The chart as an SVG document (ECharts' own server-side SVG rendering: no DOM needed). */
export function chartSvg(data: ChartData, width: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height: chartHeight(data) });
  try {
    chart.setOption(chartOption(data));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The chart as PNG bytes at twice the size, drawn by ECharts' canvas renderer off screen. */
export async function chartPng(data: ChartData, width: number): Promise<Uint8Array<ArrayBuffer>> {
  const host = document.createElement('div');
  host.style.cssText = `position:fixed;left:-10000px;top:0;width:${width}px;height:${chartHeight(data)}px`;
  document.body.append(host);
  const chart = echarts.init(host, null, { renderer: 'canvas', width, height: chartHeight(data) });
  try {
    chart.setOption(chartOption(data));
    const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    const base64 = url.slice(url.indexOf(',') + 1);
    return Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
  } finally {
    chart.dispose();
    host.remove();
  }
}
