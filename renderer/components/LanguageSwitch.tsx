import { useTranslation } from 'react-i18next';
import { LANGS } from '../../shared/model/index.ts';
import { LANGUAGE_NAMES } from '../i18n.ts';
import { useAppStore } from '../store/index.ts';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const setLanguage = useAppStore((state) => state.setLanguage);
  return (
    <div className="language-switch" role="group" aria-label={t('settings.language')}>
      {LANGS.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          aria-pressed={language === lang}
          onClick={() => setLanguage(lang)}
        >
          {LANGUAGE_NAMES[lang]}
        </button>
      ))}
    </div>
  );
}
