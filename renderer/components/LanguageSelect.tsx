import { useTranslation } from 'react-i18next';
import { LANGS, type Lang } from '../../shared/model/index.ts';

interface LanguageSelectProps<V extends Lang | ''> {
  label: string;
  value: V;
  onChange: (value: V) => void;
  /** When given, an extra first option with value '' (e.g. "the UI language"). */
  emptyOption?: string;
  inline?: boolean;
}

/** A labelled choice of kk / ru / en, each named in the UI's language («орыс тілі» in Kazakh). */
export function LanguageSelect<V extends Lang | ''>({
  label,
  value,
  onChange,
  emptyOption,
  inline,
}: LanguageSelectProps<V>) {
  const { t } = useTranslation();
  return (
    <label className={inline ? 'field inline' : 'field'}>
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value as V)}>
        {emptyOption !== undefined && <option value="">{emptyOption}</option>}
        {LANGS.map((lang) => (
          <option key={lang} value={lang}>
            {t(`languageNames.${lang}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
