import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { hasAnswer, localize, type Category, type Lang, type Variable } from '../../../shared/model/index.ts';
import { NONE_KEY } from './keys.ts';
import { noneRefusal } from './nextValues.ts';
import type { CodingSession, CurrentAppeal } from './useCodingSession.ts';

interface Props {
  variables: readonly Variable[];
  current: CurrentAppeal;
  session: CodingSession;
  activeVariable: number;
  onActivate: (index: number) => void;
  showDefinitions: boolean;
  onShowDefinitions: (show: boolean) => void;
  noteRef: RefObject<HTMLTextAreaElement | null>;
}

const ROLE = { single: 'radio', ordinal: 'radio', multi: 'checkbox', text: undefined } as const;

/** Every variable of the codebook with its categories, then the appeal's note and "unsure" flag. */
export function CodingPanel(props: Props) {
  const { variables, current, session, activeVariable, onActivate, noteRef } = props;
  const { t } = useTranslation();
  const key = `${session.viewerId}/${current.appeal.id}`;
  return (
    <aside className="card coding-panel" aria-label={t('coding.panel')}>
      {variables.map((variable, index) => (
        <VariableField
          key={variable.id}
          {...props}
          variable={variable}
          active={index === activeVariable}
          onFocus={() => onActivate(index)}
          fieldKey={key}
        />
      ))}
      <fieldset className="variable appeal-flags">
        <legend>{t('coding.aboutAppeal')}</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={current.flags.unsure}
            disabled={session.readOnly}
            onChange={(event) =>
              void session.setFlags({ unsure: event.target.checked }, variables[activeVariable]!)
            }
          />
          {t('coding.unsure')}
        </label>
        <label className="note">
          {t('coding.note')}
          <textarea
            key={key}
            ref={noteRef}
            defaultValue={current.flags.note}
            readOnly={session.readOnly}
            onBlur={(event) => {
              if (event.target.value !== current.flags.note)
                void session.setFlags({ note: event.target.value }, variables[activeVariable]!);
            }}
          />
        </label>
      </fieldset>
    </aside>
  );
}

function VariableField({
  variable,
  active,
  onFocus,
  current,
  session,
  showDefinitions,
  onShowDefinitions,
  fieldKey,
}: Props & { variable: Variable; active: boolean; onFocus: () => void; fieldKey: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const coding = current.rows.get(variable.id);
  const values = coding?.values ?? [];
  const label = localize(variable.label, lang);
  const categories = variable.categories.filter((category) => !category.retired);
  const missing = session.warning?.missing.includes(variable);
  return (
    <fieldset
      className={['variable', active && 'active', missing && 'missing'].filter(Boolean).join(' ')}
      onFocus={onFocus}
      onClick={onFocus}
    >
      <legend>
        {label}
        {variable.required && (
          <span className="required" title={t('coding.required')}>
            {' *'}
          </span>
        )}
        <span className="muted"> · {t(`codebook.kind.${variable.kind}`)}</span>
        <button
          type="button"
          className="link definitions-toggle"
          aria-expanded={active && showDefinitions}
          onClick={() => {
            onFocus();
            onShowDefinitions(!(active && showDefinitions));
          }}
        >
          {t('coding.definitions')}
        </button>
      </legend>
      {variable.kind === 'text' ? (
        <textarea
          key={fieldKey}
          aria-label={label}
          defaultValue={coding?.text ?? ''}
          readOnly={session.readOnly}
          onBlur={(event) => {
            if (event.target.value !== (coding?.text ?? ''))
              void session.setText(variable, event.target.value);
          }}
        />
      ) : (
        <div
          className={`categories ${variable.kind}`}
          role={variable.kind === 'multi' ? 'group' : 'radiogroup'}
        >
          {categories.map((category) => (
            <CategoryButton
              key={category.code}
              category={category}
              role={ROLE[variable.kind]!}
              chosen={values.includes(category.code)}
              disabled={session.readOnly}
              onPick={() => void session.choose(variable, category.code)}
            />
          ))}
          {!noneRefusal(variable) && (
            <button
              type="button"
              role="checkbox"
              aria-checked={hasAnswer(coding) && values.length === 0}
              aria-disabled={session.readOnly || undefined}
              className={hasAnswer(coding) && values.length === 0 ? 'category none chosen' : 'category none'}
              title={t('coding.answers.noneTitle')}
              onClick={() => !session.readOnly && session.chooseNone(variable)}
            >
              {!categories.some((c) => c.shortcut?.toLowerCase() === NONE_KEY) && <kbd>{NONE_KEY}</kbd>}
              {t('coding.answers.none')}
            </button>
          )}
        </div>
      )}
      {active && showDefinitions && (
        <div className="definitions">
          {localize(variable.definition, lang) && <p>{localize(variable.definition, lang)}</p>}
          <dl>
            {categories.map((category) => (
              <div key={category.code}>
                <dt>
                  {category.shortcut && <kbd>{category.shortcut}</kbd>} {localize(category.label, lang)}
                </dt>
                <dd>
                  {localize(category.definition, lang)}
                  {localize(category.examples, lang) && (
                    <span className="example">
                      {t('coding.example')}: {localize(category.examples, lang)}
                    </span>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </fieldset>
  );
}

function CategoryButton(props: {
  category: Category;
  role: 'radio' | 'checkbox';
  chosen: boolean;
  disabled: boolean;
  onPick: () => void;
}) {
  const { i18n } = useTranslation();
  const { category, chosen } = props;
  const lang = i18n.language as Lang;
  return (
    <button
      type="button"
      role={props.role}
      aria-checked={chosen}
      aria-disabled={props.disabled || undefined}
      className={chosen ? 'category chosen' : 'category'}
      title={localize(category.definition, lang)}
      onClick={() => !props.disabled && props.onPick()}
    >
      {category.shortcut && <kbd>{category.shortcut}</kbd>}
      <span className="swatch" style={{ background: category.colour }} />
      {localize(category.label, lang)}
    </button>
  );
}
