import { useTranslation } from 'react-i18next';
import { missingLanguages } from '../../../shared/codebook/index.ts';
import { LANGS, type LocalizedText } from '../../../shared/model/index.ts';
import { LANGUAGE_NAMES } from '../../i18n.ts';

interface Props {
  /** The field's name, e.g. "Label"; each input is named "Label (Қазақша)" and so on. */
  name: string;
  value: LocalizedText;
  onChange: (value: LocalizedText) => void;
  multiline?: boolean;
}

/**
 * One text in kk, ru and en side by side. A language the text lacks while another has it is
 * marked as a missing translation. An emptied field removes that language (a codebook text is
 * never an empty string).
 */
export function TranslatedFields({ name, value, onChange, multiline = false }: Props) {
  const { t } = useTranslation();
  const missing = new Set(missingLanguages(value));
  const set = (lang: (typeof LANGS)[number], text: string) => {
    const next = { ...value };
    if (text.trim() === '') delete next[lang];
    else next[lang] = text;
    onChange(next);
  };
  return (
    <fieldset className="translated">
      <legend>{name}</legend>
      {LANGS.map((lang) => {
        const props = {
          lang,
          'aria-label': `${name} (${LANGUAGE_NAMES[lang]})`,
          'aria-invalid': missing.has(lang) || undefined,
          className: missing.has(lang) ? 'missing' : undefined,
          placeholder: missing.has(lang) ? t('codebook.edit.missing') : LANGUAGE_NAMES[lang],
          value: value[lang] ?? '',
        };
        return (
          <label key={lang} className="translated-field">
            <span className="lang-tag">{lang}</span>
            {/* A textarea either way, growing with its text: a long label is never cut. A label is
                one line: Enter adds no line break, a pasted one becomes a space. */}
            <textarea
              {...props}
              rows={multiline ? 2 : 1}
              className={[multiline ? 'multiline' : 'one-line', props.className].filter(Boolean).join(' ')}
              onKeyDown={multiline ? undefined : (event) => event.key === 'Enter' && event.preventDefault()}
              onChange={(event) =>
                set(lang, multiline ? event.target.value : event.target.value.replace(/\r?\n/g, ' '))
              }
            />
          </label>
        );
      })}
    </fieldset>
  );
}
