import { useTranslation } from 'react-i18next';
import { useCurrentProject } from '../features/projects/useCurrentProject.ts';
import { useAppStore } from '../store/index.ts';

/**
 * Shown by the screens that work on a project when none is open, or when the open project has
 * nothing for them yet (no codebook): each says what is missing and leads to where it is made.
 */
export function NoProject({ title }: { title: string }) {
  const { t } = useTranslation();
  const go = useAppStore((state) => state.go);
  const { project } = useCurrentProject();
  const missing = project
    ? { text: t('missing.codebook'), screen: 'codebook' as const }
    : { text: t('projects.openFirst'), screen: 'projects' as const };
  return (
    <section>
      <h1 id="screen-title">{title}</h1>
      <div className="card empty">
        <p>{missing.text}</p>
        <button type="button" className="primary" onClick={() => go(missing.screen)}>
          {t(`nav.${missing.screen}`)}
        </button>
      </div>
    </section>
  );
}
