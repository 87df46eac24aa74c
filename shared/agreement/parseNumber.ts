/**
 * The number a category label stands for, or NaN. Accepts `12`, `-3.5`, `1e3` and the decimal comma
 * (`3,5`) that Russian- and Kazakh-locale spreadsheets write.
 *
 * @example parseNumber('3,5') // 3.5
 */
export function parseNumber(label: string): number {
  const text = label.trim();
  if (text === '') return Number.NaN;
  const normal = /^[+-]?\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(normal)) return Number.NaN;
  return Number(normal);
}
