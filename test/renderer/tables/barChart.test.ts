import { describe, expect, it } from 'vitest';
import { chartHeight, chartSvg } from '../../../renderer/features/tables/barChart.ts';

describe('chartSvg', () => {
  const data = {
    categories: ['Алматы қаласы', 'Астана қаласы', 'Ақмола облысы'],
    series: [{ name: 'Саны', values: [61, 47, 5] }],
    valueLabel: 'Саны',
  };

  it('writes a standalone SVG with the Kazakh labels as text, not outlines', () => {
    const svg = chartSvg(data, 600);
    expect(svg).toMatch(/^<svg width="600" height="200" xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    for (const label of data.categories) expect(svg).toContain(`>${label}</text>`);
    // Each bar is labelled with its count.
    for (const value of ['61', '47', '5']) expect(svg).toContain(`>${value}</text>`);
  });

  it('gives every bar room: 28 px a category, more with a legend', () => {
    expect(chartHeight({ ...data, categories: Array.from({ length: 17 }, String) })).toBe(60 + 17 * 28);
    expect(chartHeight({ ...data, series: [...data.series, ...data.series] })).toBe(200);
  });
});
