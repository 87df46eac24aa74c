import { useTranslation } from 'react-i18next';
import { useAppStore, type Role, type Screen } from '../store/index.ts';
import { useScreenName } from './Sidebar.tsx';

/** Where each screen leads, in the order of a study; a coder's coding leads to their file. */
const NEXT: Record<Role, Partial<Record<Screen, Screen>>> = {
  supervisor: {
    import: 'codebook',
    codebook: 'packages',
    packages: 'coders',
    coding: 'coders',
    coders: 'agreement',
    agreement: 'adjudication',
    adjudication: 'tables',
    tables: 'export',
    export: 'overview',
  },
  coder: { coding: 'overview', overview: 'coding' },
};

/** The way onward at the end of a screen: "Next: Agreement →". */
export function NextStep({ from }: { from: Screen }) {
  const { t } = useTranslation();
  const role = useAppStore((state) => state.role);
  const go = useAppStore((state) => state.go);
  const nameOf = useScreenName();
  const next = NEXT[role][from];
  if (!next) return null;
  return (
    <nav className="next-step" aria-label={t('next.label')}>
      <button type="button" className="link" onClick={() => go(next)}>
        {t('next.go', { screen: nameOf(next) })}
      </button>
    </nav>
  );
}
