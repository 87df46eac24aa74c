import { memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addCategory,
  moveCategory,
  moveVariable,
  setRetired,
  updateCategory,
  updateVariable,
  type CodebookProblem,
} from '../../../shared/codebook/index.ts';
import {
  localize,
  VARIABLE_KINDS,
  type CodebookContent,
  type Lang,
  type Variable,
  type VariableKind,
} from '../../../shared/model/index.ts';
import { CategoryEditor } from './CategoryEditor.tsx';
import { UseCount } from './UseCount.tsx';
import { TranslatedFields } from './TranslatedFields.tsx';

/**
 * Row keys for the categories that outlive a change of code. The code is committed when its field
 * loses focus, often because the coder clicked into the next field of the same row: keyed by code,
 * the row would remount under that click, and the focus and the text typed next would be lost.
 */
function useRowKeys() {
  const rows = useRef({ keys: new Map<string, number>(), next: 0 });
  return {
    keyOf(code: string): number {
      const { keys } = rows.current;
      if (!keys.has(code)) keys.set(code, rows.current.next++);
      return keys.get(code)!;
    },
    renamed(from: string, to: string): void {
      const { keys } = rows.current;
      if (from === to || keys.has(to) || !keys.has(from)) return;
      keys.set(to, keys.get(from)!);
      keys.delete(from);
    },
  };
}

interface Props {
  variable: Variable;
  /** The saved version of this variable, when it has one. */
  saved: Variable | undefined;
  problems: readonly CodebookProblem[];
  onDraft: (change: (draft: CodebookContent) => CodebookContent) => void;
  onDelete: (variableId: string) => void;
  onRemoveCategory: (variableId: string, code: string, mode: 'merge' | 'delete') => void;
}

/**
 * One variable and its categories. Memoised (its problems compared by content): an edit
 * re-renders only the variable it changes.
 */
export const VariableEditor = memo(
  function VariableEditor({ variable, saved, problems, onDraft, onDelete, onRemoveCategory }: Props) {
    const { t, i18n } = useTranslation();
    const lang = i18n.language as Lang;
    const id = variable.id;
    const name = localize(variable.label, lang) || id;
    const rows = useRowKeys();
    const conflictsOf = (code: string) =>
      problems.flatMap((p) =>
        p.kind === 'shortcutConflict' && p.variableId === id && p.codes.includes(code)
          ? p.codes
              .filter((other) => other !== code)
              .map(
                (other) => localize(variable.categories.find((c) => c.code === other)?.label, lang) || other,
              )
          : [],
      );

    return (
      <article className="card variable-edit" aria-label={name}>
        <header className="variable-head">
          <h2>{name}</h2>
          <label className="field inline">
            <span>{t('codebook.edit.id')}</span>
            <input
              className="code-input"
              defaultValue={id}
              readOnly={saved !== undefined}
              title={saved ? t('codebook.edit.codeFixed') : undefined}
              // Committed on leaving the field: the id is the card's key, so typing must not remount it.
              onBlur={(event) => onDraft((d) => updateVariable(d, id, { id: event.target.value.trim() }))}
            />
          </label>
          <label className="field inline">
            <span>{t('codebook.edit.kind')}</span>
            <select
              value={variable.kind}
              onChange={(event) =>
                onDraft((d) => updateVariable(d, id, { kind: event.target.value as VariableKind }))
              }
            >
              {VARIABLE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`codebook.kind.${kind}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field inline">
            <input
              type="checkbox"
              checked={variable.required}
              onChange={(event) => onDraft((d) => updateVariable(d, id, { required: event.target.checked }))}
            />
            <span>{t('codebook.required')}</span>
          </label>
          <UseCount variableId={id} code="" />
          <span className="actions">
            <button
              type="button"
              onClick={() => onDraft((d) => moveVariable(d, id, -1))}
              aria-label={t('codebook.edit.moveUp', { name })}
            >
              ↑
            </button>
            <button
              type="button"
              onClick={() => onDraft((d) => moveVariable(d, id, 1))}
              aria-label={t('codebook.edit.moveDown', { name })}
            >
              ↓
            </button>
            <button
              type="button"
              onClick={() => onDelete(id)}
              aria-label={t('a11y.deleteVariableNamed', { name })}
            >
              {t('codebook.edit.deleteVariable')}
            </button>
          </span>
        </header>
        <TranslatedFields
          name={t('codebook.edit.label')}
          value={variable.label}
          onChange={(label) => onDraft((d) => updateVariable(d, id, { label }))}
        />
        <TranslatedFields
          name={t('codebook.edit.definition')}
          value={variable.definition}
          multiline
          onChange={(definition) => onDraft((d) => updateVariable(d, id, { definition }))}
        />
        {variable.kind !== 'text' && (
          <>
            <ol className="category-list">
              {variable.categories.map((category) => (
                <CategoryEditor
                  key={rows.keyOf(category.code)}
                  category={category}
                  saved={saved?.categories.some((c) => c.code === category.code) ?? false}
                  variableId={id}
                  conflict={conflictsOf(category.code)}
                  onChange={(patch) => {
                    if (patch.code !== undefined) rows.renamed(category.code, patch.code);
                    onDraft((d) => updateCategory(d, id, category.code, patch));
                  }}
                  onMove={(delta) => onDraft((d) => moveCategory(d, id, category.code, delta))}
                  onRetire={(retired) => onDraft((d) => setRetired(d, id, category.code, retired))}
                  onMerge={() => onRemoveCategory(id, category.code, 'merge')}
                  onDelete={() => onRemoveCategory(id, category.code, 'delete')}
                />
              ))}
            </ol>
            <button
              type="button"
              onClick={() => onDraft((d) => addCategory(d, id, { [lang]: t('codebook.edit.newCategory') }))}
            >
              {t('codebook.edit.addCategory')}
            </button>
          </>
        )}
      </article>
    );
  },
  (before, after) =>
    Object.keys(after).every((key) =>
      key === 'problems'
        ? JSON.stringify(before.problems) === JSON.stringify(after.problems)
        : before[key as keyof Props] === after[key as keyof Props],
    ),
);
