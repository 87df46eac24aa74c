import { LanguageSelect } from '../../components/LanguageSelect.tsx';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adoptCodebook } from '../../../shared/codebook/index.ts';
import { CodebookFileError } from '../../../shared/formats/codebookFile.ts';
import { readCodebookFile } from '../../../shared/formats/readCodebookFile.ts';
import { localize, type Codebook, type CodebookContent, type Lang } from '../../../shared/model/index.ts';
import { usePlatform } from '../../platform/PlatformContext.tsx';
import type { PickedFile } from '../../platform/types.ts';
import { useUses } from './UseCount.tsx';
import { codebookMessages } from './codebookMessages.ts';

interface Props {
  codebook: Codebook;
  draft: CodebookContent;
  onUse: (content: CodebookContent) => void;
}

/**
 * Import of a codebook (Kodtau JSON, REFI-QDA `.qdc`, or a project package) into the draft,
 * after a preview. Nothing is written until the supervisor saves the draft as a new version.
 */
export function CodebookImport({ codebook, draft, onUse }: Props) {
  const uses = useUses();
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const platform = usePlatform();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [namesLang, setNamesLang] = useState<Lang>(lang);
  const [error, setError] = useState<string | null>(null);
  const messages = codebookMessages(t, draft, lang);

  let preview = null;
  if (file && !error) {
    try {
      preview = readCodebookFile(file.bytes, namesLang);
    } catch (caught) {
      if (!(caught instanceof CodebookFileError)) throw caught;
      // Shown in place of the preview: the draft is left as it was.
      preview = messages.file(caught.problem);
    }
  }

  async function pick() {
    setError(null);
    const filters = [{ name: t('codebook.filter.any'), extensions: ['json', 'qdc', 'kodtau'] }];
    const [picked] = await platform.openFiles({ filters, multiple: false });
    if (picked) setFile(picked);
  }

  function use(content: CodebookContent) {
    if (!uses) return;
    const count = (variableId: string, code?: string) => uses.get(variableId)?.get(code ?? '') ?? 0;
    onUse(adoptCodebook(draft, content, count).content);
    setFile(null);
  }

  return (
    <>
      <div className="toolbar">
        <button type="button" onClick={pick}>
          {t('codebook.import.button')}
        </button>
      </div>
      {file && typeof preview === 'string' && (
        <p className="error-text" role="alert">
          {t('codebook.import.failed', { file: file.name })} {preview}
        </p>
      )}
      {file && preview && typeof preview !== 'string' && (
        <div className="card import-preview" role="region" aria-label={t('codebook.import.preview')}>
          <h2>{t('codebook.import.previewOf', { file: file.name })}</h2>
          <p>
            {t(`codebook.import.source.${preview.source}`)} ·{' '}
            {t('codebook.import.counts', {
              count: preview.content.variables.length,
              categories: preview.content.variables.reduce((n, v) => n + v.categories.length, 0),
            })}
          </p>
          {preview.source === 'qdc' && (
            <LanguageSelect
              inline
              label={t('codebook.import.namesLang')}
              value={namesLang}
              onChange={setNamesLang}
            />
          )}
          {preview.notes.length > 0 && (
            <ul className="notes">
              {preview.notes.map((note) => (
                <li key={note.code}>{messages.note(note)}</li>
              ))}
            </ul>
          )}
          <ul className="preview-variables">
            {preview.content.variables.map((v) => (
              <li key={v.id}>
                <strong>{localize(v.label, lang) || v.id}</strong> ({t(`codebook.kind.${v.kind}`)}):{' '}
                {v.categories.map((c) => localize(c.label, lang) || c.code).join(', ')}
              </li>
            ))}
          </ul>
          <p className="muted">{t('codebook.import.keepsData', { version: codebook.version + 1 })}</p>
          <div className="actions">
            <button type="button" className="primary" disabled={!uses} onClick={() => use(preview.content)}>
              {t('codebook.import.use')}
            </button>
            <button type="button" onClick={() => setFile(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
