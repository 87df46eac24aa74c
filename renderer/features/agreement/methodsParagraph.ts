import type { TFunction } from 'i18next';
import { reliabilityDecision, type AlphaMinimum } from '../../../shared/agreement/index.ts';
import { localize, type Lang } from '../../../shared/model/index.ts';
import { formatNumber, formatPercent } from '../../i18n.ts';
import pkg from '../../../package.json';
import { BOOTSTRAP } from './agreementFigures.ts';
import type { ProjectCounts, Summary } from './agreementSource.ts';

/** The software and version the paragraph names. */
export const SOFTWARE = { name: 'Kodtau', version: pkg.version };

/**
 * A coefficient as a paper prints it: three decimals (as the dashboard, so .796 is not shown as
 * the .80 it fails), in the language's convention — APA in English drops the leading zero of a
 * value that cannot exceed 1 (α = .812); Russian and Kazakh write a decimal comma (0,812).
 */
export function formatCoefficient(value: number, lang: Lang): string {
  const text = formatNumber(value, lang, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  return lang === 'en' ? text.replace(/^(-?)0\./, '$1.') : text;
}

export interface MethodsContext {
  counts: ProjectCounts;
  /** The coders compared (the dashboard's subset). */
  coders: number;
  alphaMin: AlphaMinimum;
  lang: Lang;
  t: TFunction;
}

/**
 * The reliability paragraph for a paper's methods section, from the figures the dashboard shows:
 * the corpus, the sample coded by two or more coders (the largest number of units of a variable),
 * the coders, each variable's α at its level with its 95 % bootstrap interval and verdict against
 * α_min, the resamples, the adjudicated answers and the software with its version.
 */
export function methodsParagraph(figures: readonly Summary[], context: MethodsContext): string {
  const { t, lang, counts } = context;
  const n = (x: number) => formatNumber(x, lang);
  const c = (x: number) => formatCoefficient(x, lang);
  const units = Math.max(0, ...figures.map((f) => f.units));
  const items = figures.map((f) => {
    const name = localize(f.variable.label, lang);
    const base = {
      variable: name,
      level: t(`agreement.methods.level.${f.variable.kind as 'single' | 'ordinal' | 'multi'}`),
      units: n(f.units),
    };
    if (f.alpha.value === null)
      return t('agreement.methods.itemUndefined', {
        ...base,
        reason: t(`agreement.reason.${f.alpha.reason!}`),
      });
    const boot = f.report?.alphaBootstrap;
    if (!f.ci || !boot || !('ci95' in boot))
      return t('agreement.methods.itemNoInterval', { ...base, alpha: c(f.alpha.value) });
    const { verdict } = reliabilityDecision(f.alpha.value, boot, context.alphaMin);
    return t('agreement.methods.item', {
      ...base,
      alpha: c(f.alpha.value),
      lower: c(f.ci[0]),
      upper: c(f.ci[1]),
      verdict: t(`agreement.methods.verdict.${verdict}`),
    });
  });
  const sentences = [
    counts.appeals === 0
      ? t('agreement.methods.corpusNone')
      : t('agreement.methods.corpus', { count: counts.appeals, n: n(counts.appeals) }),
    t('agreement.methods.sample', {
      count: units,
      n: n(units),
      share: formatPercent(counts.appeals > 0 ? units / counts.appeals : 0, lang),
    }),
    t('agreement.methods.coders', { count: context.coders, n: n(context.coders) }),
    t('agreement.methods.method', { samples: n(BOOTSTRAP.bootstrap), seed: n(BOOTSTRAP.seed) }),
    t('agreement.methods.threshold', { min: c(Number(context.alphaMin)) }),
    `${items.join('; ')}.`,
    counts.adjudicated === 0
      ? t('agreement.methods.resolvedNone')
      : t('agreement.methods.resolved', { count: counts.adjudicated, n: n(counts.adjudicated) }),
    t('agreement.methods.software', SOFTWARE),
  ];
  return sentences.join(' ');
}
