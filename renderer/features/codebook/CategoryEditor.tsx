import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { missingLanguages, type CategoryPatch } from '../../../shared/codebook/index.ts';
import { localize, type Category, type Lang } from '../../../shared/model/index.ts';
import { UseCount } from './UseCount.tsx';
import { TranslatedFields } from './TranslatedFields.tsx';

interface Props {
  category: Category;
  /** Saved categories keep their code: codings and older coder files refer to it. */
  saved: boolean;
  variableId: string;
  /** The other categories holding the same key, if any. */
  conflict: string[];
  onChange: (patch: CategoryPatch) => void;
  onMove: (delta: number) => void;
  onMerge: () => void;
  onRetire: (retired: boolean) => void;
  onDelete: () => void;
}

export function CategoryEditor({
  category,
  saved,
  variableId,
  conflict,
  onChange,
  onMove,
  onMerge,
  onRetire,
  onDelete,
}: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const name = localize(category.label, lang) || category.code;
  // Definitions and examples open on demand: a long codebook stays readable, and light to render.
  const [open, setOpen] = useState(false);
  const missingDetails =
    missingLanguages(category.definition).length + missingLanguages(category.examples).length;
  return (
    <li className={`category-edit${category.retired ? ' retired' : ''}`} aria-label={name}>
      <div className="category-line">
        <label className="field inline">
          <span>{t('codebook.code')}</span>
          <input
            className="code-input"
            defaultValue={category.code}
            readOnly={saved}
            title={saved ? t('codebook.edit.codeFixed') : undefined}
            // Committed on leaving the field: the code is the row's key, so typing must not remount it.
            onBlur={(event) => onChange({ code: event.target.value.trim() })}
          />
        </label>
        <label className="field inline">
          <span>{t('codebook.value')}</span>
          <input
            type="number"
            className="value-input"
            value={category.value}
            onChange={(event) => {
              const value = Number.parseInt(event.target.value, 10);
              if (Number.isInteger(value)) onChange({ value });
            }}
          />
        </label>
        <label className="field inline">
          <span>{t('codebook.shortcut')}</span>
          <input
            className={`key-input${conflict.length > 0 ? ' error' : ''}`}
            value={category.shortcut ?? ''}
            maxLength={1}
            aria-invalid={conflict.length > 0 || undefined}
            onChange={(event) => onChange({ shortcut: event.target.value.trim() || undefined })}
          />
        </label>
        <label className="field inline">
          <span>{t('codebook.edit.colour')}</span>
          <input
            type="color"
            value={category.colour ?? '#808080'}
            onChange={(event) => onChange({ colour: event.target.value })}
          />
        </label>
        <UseCount variableId={variableId} code={category.code} />
        {category.retired && <span className="badge">{t('codebook.edit.retired')}</span>}
        <span className="actions category-actions">
          <button type="button" onClick={() => onMove(-1)} aria-label={t('codebook.edit.moveUp', { name })}>
            ↑
          </button>
          <button type="button" onClick={() => onMove(1)} aria-label={t('codebook.edit.moveDown', { name })}>
            ↓
          </button>
          {saved && (
            <button type="button" onClick={onMerge}>
              {t('codebook.edit.mergeInto')}
            </button>
          )}
          {saved && (
            <button type="button" onClick={() => onRetire(!category.retired)}>
              {category.retired ? t('codebook.edit.restore') : t('codebook.edit.retire')}
            </button>
          )}
          <button type="button" onClick={onDelete} aria-label={t('codebook.edit.deleteNamed', { name })}>
            {t('codebook.edit.delete')}
          </button>
        </span>
      </div>
      {conflict.length > 0 && (
        <p className="error-text" role="alert">
          {t('codebook.edit.keyTaken', { key: category.shortcut, names: conflict.join(', ') })}
        </p>
      )}
      <TranslatedFields
        name={t('codebook.edit.label')}
        value={category.label}
        onChange={(label) => onChange({ label })}
      />
      <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('codebook.edit.details')}
        {missingDetails > 0 && ` · ${t('codebook.edit.missingShort', { count: missingDetails })}`}
      </button>
      {open && (
        <>
          <TranslatedFields
            name={t('codebook.edit.definition')}
            value={category.definition}
            multiline
            onChange={(definition) => onChange({ definition })}
          />
          <TranslatedFields
            name={t('codebook.edit.examples')}
            value={category.examples}
            multiline
            onChange={(examples) => onChange({ examples })}
          />
        </>
      )}
    </li>
  );
}
