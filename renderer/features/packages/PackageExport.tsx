import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlatform } from '../../platform/PlatformContext.tsx';
import { useAppStore } from '../../store/index.ts';
import { buildPackages } from '../import/projectPackages.ts';
import { SamplePlan } from './SamplePlan.tsx';

/**
 * A fresh seed for the overlap sample, shown (and editable) so the draw can be repeated; kept
 * per project in the session, so a later visit draws the same sample.
 */
const newSeed = () => String(Math.floor(Math.random() * 1_000_000));

/** Export the project for coders: one package with all appeals, or one per coder with an overlap sample. */
export function PackageExport({ projectId, appealCount }: { projectId: string; appealCount: number }) {
  const { t } = useTranslation();
  const platform = usePlatform();
  const [mode, setMode] = useState<'all' | 'coders'>('coders');
  const [coders, setCoders] = useState('');
  const [overlapPercent, setOverlapPercent] = useState(20);
  const plan = useAppStore((state) => state.packagePlans[projectId]);
  const setPlan = useAppStore((state) => state.setPackagePlan);
  // The first visit to a project draws its seed once and keeps it; every later visit shows the same one.
  const [drawn] = useState(newSeed);
  const seed = plan?.seed ?? drawn;
  const setSeed = (value: string) => setPlan(projectId, { seed: value });
  useEffect(() => {
    if (plan?.seed === undefined) setPlan(projectId, { seed: drawn });
  }, [plan?.seed, projectId, setPlan, drawn]);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const [savedCount, setSavedCount] = useState(0);

  const names = coders
    .split('\n')
    .map((name) => name.trim())
    .filter(Boolean);
  const overlapSize = Math.round((appealCount * overlapPercent) / 100);
  const perCoder = names.length ? overlapSize + Math.ceil((appealCount - overlapSize) / names.length) : 0;
  const valid =
    mode === 'all' || (names.length >= 1 && new Set(names).size === names.length && seed.trim() !== '');

  async function exportPackages() {
    setStatus('saving');
    try {
      const files = await buildPackages(
        projectId,
        mode === 'all'
          ? { mode }
          : { mode, coders: names, overlapShare: overlapPercent / 100, seed: seed.trim() },
      );
      let saved = 0;
      for (const file of files) {
        if (
          await platform.saveFile({
            suggestedName: file.name,
            bytes: file.bytes,
            filters: [{ name: t('package.fileType'), extensions: ['kodtau'] }],
          })
        )
          saved++;
      }
      setSavedCount(saved);
      setStatus('saved');
      if (saved > 0) setPlan(projectId, { saved, savedAt: new Date().toISOString() });
    } catch {
      setStatus('failed');
    }
  }

  return (
    <section className="card package-export" aria-labelledby="package-export-title">
      <h2 id="package-export-title">{t('package.export.title')}</h2>
      <p className="muted">{t('package.export.lead')}</p>
      <fieldset>
        <label>
          <input type="radio" checked={mode === 'all'} onChange={() => setMode('all')} />
          {t('package.export.all', { count: appealCount })}
        </label>
        <label>
          <input type="radio" checked={mode === 'coders'} onChange={() => setMode('coders')} />
          {t('package.export.perCoder')}
        </label>
      </fieldset>
      {mode === 'coders' && (
        <div className="package-options">
          <label className="field">
            {t('package.export.coders')}
            <textarea rows={4} value={coders} onChange={(event) => setCoders(event.target.value)} />
            <small className="muted">{t('package.export.codersHint')}</small>
          </label>
          <label className="field">
            {t('package.export.overlap')}
            <input
              type="number"
              min={0}
              max={100}
              value={overlapPercent}
              onChange={(event) =>
                setOverlapPercent(Math.min(100, Math.max(0, Number(event.target.value) || 0)))
              }
            />
          </label>
          <label className="field">
            {t('package.export.seed')}
            <span className="actions">
              <input value={seed} onChange={(event) => setSeed(event.target.value)} />
              <button type="button" onClick={() => setSeed(newSeed())}>
                {t('package.export.newSeed')}
              </button>
            </span>
          </label>
          {names.length > 0 && (
            <p className="muted">
              {t('package.export.summary', {
                overlap: t('common.appealCount', { count: overlapSize }),
                perCoder: t('counts.upToAppeals', { count: perCoder }),
                count: names.length,
              })}
            </p>
          )}
          <SamplePlan projectId={projectId} coders={names.length} overlapSize={overlapSize} />
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={!valid || status === 'saving'}
          onClick={() => void exportPackages()}
        >
          {t('package.export.button')}
        </button>
        {status === 'saved' && <span role="status">{t('package.export.saved', { count: savedCount })}</span>}
        {status === 'failed' && (
          <span role="alert" className="warning">
            {t('package.export.failed')}
          </span>
        )}
      </div>
    </section>
  );
}
