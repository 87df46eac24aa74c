import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { writeCsv } from '../../../shared/csv/writeCsv.ts';
import { longCodingsRows } from '../../../shared/formats/longCodingsCsv.ts';
import type { Lang } from '../../../shared/model/index.ts';
import { NoProject } from '../../components/NoProject.tsx';
import { coderNames, projectCodings } from '../../db/queries.ts';
import { usePlatform } from '../../platform/PlatformContext.tsx';
import { useCurrentProject } from '../projects/useCurrentProject.ts';

type Delimiter = ';' | ',';

export function ExportScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const platform = usePlatform();
  const { project, codebook } = useCurrentProject();
  // Excel in Russian and Kazakh locales splits on `;` (the comma is their decimal separator).
  const [delimiter, setDelimiter] = useState<Delimiter>(lang === 'en' ? ',' : ';');
  const [message, setMessage] = useState('');

  if (project === undefined) return null;
  if (!project || !codebook) return <NoProject title={t('nav.export')} />;

  async function exportCodings() {
    if (!project || !codebook) return;
    const [codings, names] = await Promise.all([projectCodings(project.id), coderNames()]);
    const csv = writeCsv(longCodingsRows(codings, codebook, names, lang), { delimiter });
    const saved = await platform.saveFile({
      suggestedName: `${project.id}-codings.csv`,
      bytes: new TextEncoder().encode(csv),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    setMessage(saved ? t('export.saved', { count: codings.length }) : t('export.cancelled'));
  }

  return (
    <section>
      <h1 id="screen-title">{t('nav.export')}</h1>
      <div className="card">
        <h2>{t('export.codingsTitle')}</h2>
        <p className="muted">{t('export.codingsLead')}</p>
        <fieldset className="field">
          <legend>{t('export.delimiter')}</legend>
          <label>
            <input type="radio" checked={delimiter === ';'} onChange={() => setDelimiter(';')} />
            {t('export.semicolon')}
          </label>
          <label>
            <input type="radio" checked={delimiter === ','} onChange={() => setDelimiter(',')} />
            {t('export.comma')}
          </label>
        </fieldset>
        <button type="button" className="primary" onClick={() => void exportCodings()}>
          {t('export.codingsButton')}
        </button>
        <p role="status">{message}</p>
      </div>
    </section>
  );
}
