import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { NoProject } from '../../components/NoProject.tsx';
import { useAppStore } from '../../store/index.ts';
import { useCurrentProject } from '../projects/useCurrentProject.ts';
import { PackageExport } from './PackageExport.tsx';
import './packages.css';
import { appealCount } from '../../db/appeals.ts';

/** Packages for the coders: the supervisor's step between the codebook and the coders' work. */
export function PackagesScreen() {
  const { t } = useTranslation();
  const { project, codebook } = useCurrentProject();
  const go = useAppStore((state) => state.go);
  const projectId = project?.id ?? '';
  const appeals = useLiveQuery(() => appealCount(projectId), [projectId]);

  if (project === undefined || appeals === undefined) return null;
  if (!project) return <NoProject title={t('nav.packages')} />;
  const missing =
    appeals === 0
      ? { text: t('packages.noAppeals'), screen: 'import' as const }
      : !codebook?.variables.length
        ? { text: t('packages.noCodebook'), screen: 'codebook' as const }
        : null;
  return (
    <section>
      <h1 id="screen-title">{t('nav.packages')}</h1>
      {missing ? (
        <div className="card empty">
          <p>{missing.text}</p>
          <button type="button" className="primary" onClick={() => go(missing.screen)}>
            {t(`nav.${missing.screen}`)}
          </button>
        </div>
      ) : (
        <PackageExport projectId={project.id} appealCount={appeals} />
      )}
    </section>
  );
}
