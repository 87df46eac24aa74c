import { useTranslation } from 'react-i18next';
import { screensFor, useAppStore, type Screen } from '../store/index.ts';

/** The name of a screen in the sidebar; a coder's overview is their own work. */
export function useScreenName(): (screen: Screen) => string {
  const { t } = useTranslation();
  const role = useAppStore((state) => state.role);
  return (screen) => t(role === 'coder' && screen === 'overview' ? 'nav.myWork' : `nav.${screen}`);
}

export function Sidebar() {
  const { t } = useTranslation();
  const screen = useAppStore((state) => state.screen);
  const role = useAppStore((state) => state.role);
  const go = useAppStore((state) => state.go);
  const nameOf = useScreenName();
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <ul>
        {screensFor(role).map((name) => (
          <li key={name}>
            <button
              type="button"
              aria-current={screen === name ? 'page' : undefined}
              onClick={() => go(name)}
            >
              {nameOf(name)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
