import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/index.ts';

/** Shown by the screens that work on a project when none is open. */
export function NoProject({ title }: { title: string }) {
  const { t } = useTranslation();
  const go = useAppStore((state) => state.go);
  return (
    <section>
      <h1 id="screen-title">{title}</h1>
      <div className="card empty">
        <p>{t('projects.openFirst')}</p>
        <button type="button" className="primary" onClick={() => go('projects')}>
          {t('nav.projects')}
        </button>
      </div>
    </section>
  );
}
