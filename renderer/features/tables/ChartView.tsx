import { useEffect, useRef } from 'react';
import { chartHeight, chartOption, echarts, type ChartData } from './barChart.ts';

/** The bar chart on screen, drawn as SVG by ECharts and redrawn when the data or width change. */
export function ChartView({ data, label }: { data: ChartData; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const height = chartHeight(data);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    // A width of 0 (a hidden or not yet laid out element) falls back to the export width.
    const chart = echarts.init(element, null, { renderer: 'svg', height, width: element.clientWidth || 900 });
    chart.setOption(chartOption(data));
    // The chart is as wide as the screen's content, which changes with the window.
    const resize = () => chart.resize({ width: element.clientWidth || 900 });
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [data, height]);
  return <div ref={host} className="chart" role="img" aria-label={label} style={{ height }} />;
}
