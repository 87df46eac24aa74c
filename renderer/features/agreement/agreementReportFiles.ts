import type { TFunction } from 'i18next';
import type { Coefficient } from '../../../shared/agreement/index.ts';
import type { CsvCell } from '../../../shared/csv/writeCsv.ts';
import { localize, type Lang, type Variable } from '../../../shared/model/index.ts';
import { formatNumber } from '../../i18n.ts';
import { reliability, type VariableFigures } from './agreementFigures.ts';

const value = (c: Coefficient | null) => c?.value ?? null;

/** One row per variable (and per category of a multiple-choice variable), unrounded numbers. */
export function reportCsvRows(figures: readonly Omit<VariableFigures, 'rows'>[], lang: Lang): CsvCell[][] {
  const head = [
    'variable',
    'label',
    'kind',
    'category',
    'units',
    'coders',
    'percent_agreement',
    'krippendorff_alpha',
    'alpha_ci95_low',
    'alpha_ci95_high',
    'cohen_kappa',
    'fleiss_kappa',
    'gwet_ac1',
    'brennan_prediger',
    'reliability',
  ];
  const rows: CsvCell[][] = [head];
  for (const f of figures) {
    const label = localize(f.variable.label, lang);
    rows.push([
      f.variable.id,
      label,
      f.variable.kind === 'multi' ? 'multi (set-level alpha, MASI)' : f.variable.kind,
      '',
      f.units,
      f.coders,
      value(f.percent),
      value(f.alpha),
      f.ci?.[0] ?? null,
      f.ci?.[1] ?? null,
      value(f.cohen),
      value(f.fleiss),
      value(f.ac1),
      value(f.bp),
      reliability(f.alpha.value),
    ]);
    for (const { category, report } of f.multi?.perCategory ?? [])
      rows.push([
        f.variable.id,
        label,
        'category present/absent',
        category,
        report.units,
        report.coders,
        value(report.percentAgreement),
        value(report.krippendorffAlpha),
        null,
        null,
        value(report.cohenKappa),
        value(report.fleissKappa),
        value(report.gwetAC),
        value(report.brennanPrediger),
        reliability(report.krippendorffAlpha.value),
      ]);
  }
  return rows;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);

/**
 * A standalone page for the methods section: the subset, the figures per variable coloured by
 * Krippendorff's thresholds, and how they were computed. Opens in any browser; print it to PDF.
 */
export function reportHtml(
  figures: readonly Omit<VariableFigures, 'rows'>[],
  context: { title: string; subset: string; date: string; lang: Lang; t: TFunction; methods: string },
): string {
  const { t, lang } = context;
  const n = (x: number | null | undefined) =>
    x == null ? '—' : formatNumber(x, lang, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const label = (v: Variable, code: string) =>
    localize(v.categories.find((c) => c.code === code)?.label, lang) || code;
  const row = (
    name: string,
    f: Pick<
      VariableFigures,
      'units' | 'coders' | 'alpha' | 'percent' | 'cohen' | 'fleiss' | 'ac1' | 'bp' | 'ci'
    >,
  ) =>
    `<tr><th>${escapeHtml(name)}</th><td>${formatNumber(f.units, lang)}</td><td>${formatNumber(f.coders, lang)}</td>` +
    `<td>${n(value(f.percent))}</td><td class="${reliability(f.alpha.value)}">${n(f.alpha.value)}</td>` +
    `<td>${f.ci ? `${n(f.ci[0])} – ${n(f.ci[1])}` : '—'}</td><td>${n(value(f.cohen))}</td><td>${n(value(f.fleiss))}</td>` +
    `<td>${n(value(f.ac1))}</td><td>${n(value(f.bp))}</td></tr>`;
  const body = figures
    .flatMap((f) => [
      row(localize(f.variable.label, lang) + (f.multi ? ` (${t('agreement.setAlpha')})` : ''), f),
      ...(f.multi?.perCategory ?? []).map(({ category, report: r }) =>
        row(`   ${label(f.variable, category)}`, {
          units: r.units,
          coders: r.coders,
          alpha: r.krippendorffAlpha,
          percent: r.percentAgreement,
          cohen: r.cohenKappa,
          fleiss: r.fleissKappa,
          ac1: r.gwetAC,
          bp: r.brennanPrediger,
          ci: null,
        }),
      ),
    ])
    .join('\n');
  const heads = [
    'variable',
    'units',
    'coders',
    'percent',
    'alpha',
    'ci',
    'cohen',
    'fleiss',
    'ac1',
    'bp',
  ] as const;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(context.title)}</title>
<style>
body{font-family:'Noto Sans','Segoe UI',sans-serif;margin:2rem;color:#1d2330}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #dde1e7;padding:.3rem .6rem;text-align:right}
th:first-child{text-align:left;white-space:pre}thead th{background:#f5f6f8}
.reliable{background:#e3f4e6}.tentative{background:#fff4d6}.unreliable{background:#fbe4e4}
p{max-width:48rem}
</style></head><body>
<h1>${escapeHtml(context.title)}</h1>
<p>${escapeHtml(context.subset)}</p>
<table><thead><tr>${heads.map((h) => `<th>${escapeHtml(t(`agreement.${h}`))}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody></table>
<h2>${escapeHtml(t('agreement.methods.title'))}</h2>
<p class="methods">${escapeHtml(context.methods)}</p>
<p>${escapeHtml(t('agreement.lead'))}</p>
<p>${escapeHtml(t('agreement.thresholds'))}</p>
<p>${escapeHtml(t('agreement.report.generated', { date: context.date }))}</p>
</body></html>
`;
}
