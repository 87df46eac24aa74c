import { useTranslation } from 'react-i18next';
import { LANGS } from '../../shared/model/index.ts';
import { LANGUAGE_NAMES } from '../i18n.ts';
import { useAppStore } from '../store/index.ts';

/**
 * The interface language: the other languages named in the UI's language and, beside it, in
 * themselves («Орыс тілі · Русский» in Kazakh), so that a reader of any of the three finds their
 * own; the current one in itself.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const setLanguage = useAppStore((state) => state.setLanguage);
  return (
    <div className="language-switch" role="group" aria-label={t('settings.language')}>
      {LANGS.map((lang) => (
        <button key={lang} type="button" aria-pressed={language === lang} onClick={() => setLanguage(lang)}>
          {lang === language ? (
            <span lang={lang}>{LANGUAGE_NAMES[lang]}</span>
          ) : (
            <>
              {t(`languageNames.${lang}`)} · <span lang={lang}>{LANGUAGE_NAMES[lang]}</span>
            </>
          )}
        </button>
      ))}
    </div>
  );
}
