import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ALPHA_MINIMA,
  requiredSample,
  SIGNIFICANCE_LEVELS,
  smallestCategoryShare,
  type AlphaMinimum,
  type SignificanceLevel,
} from '../../../shared/agreement/index.ts';
import { localize, type Lang, type Variable } from '../../../shared/model/index.ts';
import { currentCodebook } from '../../db/projects.ts';
import { formatNumber } from '../../i18n.ts';
import { useFigures } from '../overview/progressOffThread.ts';
import { projectBlockCount } from '../overview/useStudyOverview.ts';

/** Per category, the number of answers that chose it, and the number of answers: the observed shares. */
function observedCounts(variable: Variable, uses: ReadonlyMap<string, number> | undefined) {
  return {
    counts: variable.categories.map((c) => uses?.get(c.code) ?? 0),
    units: uses?.get('') ?? 0,
  };
}

/**
 * How large the overlap sample must be (Bloch & Kraemer 1989, eq. 3.7, in Krippendorff's table),
 * per choice variable of the codebook, for the chosen minimum α and level of significance; warns
 * when the chosen overlap is smaller than the largest need.
 */
export function SamplePlan({
  projectId,
  coders,
  overlapSize,
}: {
  projectId: string;
  coders: number;
  overlapSize: number;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [alphaMin, setAlphaMin] = useState<AlphaMinimum>('0.800');
  const [p, setP] = useState<SignificanceLevel>('0.05');
  const live = useLiveQuery(async () => {
    const [codebook, blocks] = await Promise.all([currentCodebook(projectId), projectBlockCount(projectId)]);
    const choice = (codebook?.variables ?? []).filter(
      (v): v is Variable & { kind: 'single' | 'ordinal' | 'multi' } =>
        v.kind !== 'text' && v.categories.filter((c) => !c.retired).length >= 2,
    );
    return { choice, blocks };
  }, [projectId]);
  // The answers per category, counted off the UI thread from the answer blocks.
  const uses = useFigures({ method: 'uses', projectId, consensus: false }, live);
  const variables =
    live && uses
      ? live.choice.map((variable) => ({
          variable,
          observed: observedCounts(variable, uses.get(variable.id)),
        }))
      : undefined;
  if (!variables?.length) return null;

  const m = Math.max(coders, 2);
  const rows = variables.map(({ variable, observed }) => {
    const smallest = smallestCategoryShare(variable.kind, variable.categories.length, observed);
    return {
      variable,
      smallest,
      sample: requiredSample({ alphaMin, p, smallest: smallest.share, coders: m }),
    };
  });
  const needed = Math.max(...rows.map((row) => row.sample.units));
  const decimal = (value: number, digits = 3) =>
    formatNumber(value, lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });

  return (
    <section className="sample-plan" aria-labelledby="sample-plan-title">
      <h3 id="sample-plan-title">{t('samplePlan.title')}</h3>
      <p className="muted">{t('samplePlan.lead')}</p>
      <div className="actions">
        <label className="field">
          {t('samplePlan.alphaMin')}
          <select value={alphaMin} onChange={(event) => setAlphaMin(event.target.value as AlphaMinimum)}>
            {ALPHA_MINIMA.map((min) => (
              <option key={min} value={min}>
                {decimal(Number(min))}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('samplePlan.p')}
          <select value={p} onChange={(event) => setP(event.target.value as SignificanceLevel)}>
            {SIGNIFICANCE_LEVELS.map((level) => (
              <option key={level} value={level}>
                {decimal(Number(level), level.length - 2)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('samplePlan.variable')}</th>
            <th scope="col">{t('samplePlan.smallest')}</th>
            <th scope="col">{t('samplePlan.values')}</th>
            <th scope="col">{t('samplePlan.units', { count: m })}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ variable, smallest, sample }) => (
            <tr key={variable.id}>
              <th scope="row">{localize(variable.label, lang)}</th>
              <td>
                {decimal(smallest.share)}{' '}
                <small className="muted">
                  {smallest.observed ? t('samplePlan.observed') : t('samplePlan.equal')}
                </small>
              </td>
              <td>{formatNumber(sample.values, lang)}</td>
              <td>{formatNumber(sample.units, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p role="status" className={overlapSize < needed ? 'warning' : 'muted'}>
        {overlapSize < needed
          ? t('samplePlan.tooSmall', { chosen: t('counts.ofAppeals', { count: overlapSize }), count: needed })
          : t('samplePlan.enough', { chosen: t('counts.ofAppeals', { count: overlapSize }), count: needed })}
      </p>
      <p className="muted">
        <small>{t('samplePlan.source')}</small>
      </p>
    </section>
  );
}
