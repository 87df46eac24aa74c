import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize, type Lang, type Variable } from '../../../shared/model/index.ts';

export interface RemoveRequest {
  variableId: string;
  code: string;
  mode: 'merge' | 'delete';
  /** Codings and consensus values that use the category now. */
  uses: number;
}

interface Props {
  request: RemoveRequest;
  variable: Variable;
  onMerge: (into: string) => void;
  onRetire: () => void;
  onCancel: () => void;
}

/**
 * Asked before a category that holds codings leaves the codebook (and for every merge): its
 * codings move into another category, recorded as a merge, or it is retired — hidden from
 * coding, kept in the data. There is no way here to drop a coding.
 */
export function RemoveCategoryDialog({ request, variable, onMerge, onRetire, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const targets = variable.categories.filter((c) => c.code !== request.code && !c.retired);
  const [into, setInto] = useState(targets[0]?.code ?? '');
  const category = variable.categories.find((c) => c.code === request.code);
  const name = localize(category?.label, lang) || request.code;
  return (
    <div className="dialog-backdrop">
      <div className="card dialog" role="dialog" aria-modal="true" aria-labelledby="remove-title">
        <h2 id="remove-title">
          {request.mode === 'merge'
            ? t('codebook.remove.mergeTitle', { name })
            : t('codebook.remove.deleteTitle', { name })}
        </h2>
        <p>{t('codebook.remove.uses', { count: request.uses, name })}</p>
        <label className="field">
          <span>{t('codebook.remove.into')}</span>
          <select value={into} onChange={(event) => setInto(event.target.value)}>
            {targets.map((c) => (
              <option key={c.code} value={c.code}>
                {localize(c.label, lang) || c.code}
              </option>
            ))}
          </select>
          <small>{t('codebook.remove.mergeHint')}</small>
        </label>
        <div className="actions">
          <button type="button" className="primary" disabled={!into} onClick={() => onMerge(into)}>
            {t('codebook.remove.merge')}
          </button>
          {request.mode === 'delete' && !category?.retired && (
            <button type="button" onClick={onRetire}>
              {t('codebook.remove.retire')}
            </button>
          )}
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
        {request.mode === 'delete' && <p className="muted small">{t('codebook.remove.retireHint')}</p>}
      </div>
    </div>
  );
}
