import { useTranslation } from 'react-i18next';
import { SCREENS, useAppStore } from '../store/index.ts';

export function Sidebar() {
  const { t } = useTranslation();
  const screen = useAppStore((state) => state.screen);
  const go = useAppStore((state) => state.go);
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <ul>
        {SCREENS.map((name) => (
          <li key={name}>
            <button
              type="button"
              aria-current={screen === name ? 'page' : undefined}
              onClick={() => go(name)}
            >
              {t(`nav.${name}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
