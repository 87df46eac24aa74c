import { describe, expect, it } from 'vitest';
import type { DriftPoint } from '../../../shared/agreement/drift.ts';
import { driftOption, echarts } from '../../../renderer/features/agreement/driftChart.ts';
import { formatNumber } from '../../../renderer/i18n.ts';
import type { Lang } from '../../../shared/model/index.ts';

const alpha: DriftPoint[] = [
  { period: '1', n: 30, value: 0.52, ci: [0.31, 0.7] },
  { period: '2', n: 30, value: 0.81, ci: [0.66, 0.93] },
];

/** The chart as ECharts draws it (server-side SVG): the text of every axis label. */
function axisTexts(lang: Lang): string[] {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 320 });
  chart.setOption(
    driftOption(alpha, [], ['1', '2'], {
      alpha: 'α',
      interval: '95 %',
      axis: 'Block',
      coderName: (id) => id,
      number: (value) => formatNumber(value, lang, { maximumFractionDigits: 3 }),
    }),
  );
  const svg = chart.renderToSVGString();
  chart.dispose();
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
}

describe('drift chart', () => {
  it('writes the α axis in the decimal form of the UI language', () => {
    for (const lang of ['kk', 'ru'] as const) {
      const texts = axisTexts(lang);
      expect(texts).toContain('0,2');
      expect(texts).toContain('0,8');
      expect(texts.some((text) => /\d\.\d/.test(text))).toBe(false);
    }
    expect(axisTexts('en')).toContain('0.2');
  });

  it('gives the tooltip the same form', () => {
    const option = driftOption(alpha, [], ['1', '2'], {
      alpha: 'α',
      interval: '95 %',
      axis: 'Block',
      coderName: (id) => id,
      number: (value) => formatNumber(value, 'ru', { maximumFractionDigits: 3 }),
    }) as { tooltip: { valueFormatter: (value: unknown) => string } };
    expect(option.tooltip.valueFormatter(0.812)).toBe('0,812');
  });
});
