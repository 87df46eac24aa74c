import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../shared/model/index.ts';
import type { StudyProgress } from '../../../shared/tables/studyProgress.ts';
import { NoProject } from '../../components/NoProject.tsx';
import { formatDate } from '../../i18n.ts';
import { useAppStore, type PackagePlan, type Screen } from '../../store/index.ts';
import type { TFunction } from 'i18next';
import { projectName } from '../projects/projectName.ts';
import { useCurrentProject } from '../projects/useCurrentProject.ts';
import { CoderOverview } from './CoderOverview.tsx';
import { useStudyOverview, type StudyCounts } from './useStudyOverview.ts';
import './overview.css';

type StepState = 'done' | 'next' | 'open';

type PipelineScreen = Extract<
  Screen,
  'import' | 'codebook' | 'packages' | 'coders' | 'agreement' | 'adjudication' | 'export'
>;

interface Step {
  screen: PipelineScreen;
  done: boolean;
  figure: string;
}

/**
 * The project's home: the study as one pipeline (import → codebook → packages → merge →
 * agreement → adjudication → final dataset), each step with its state and figures, and the next
 * action as a button. A coder sees their own work instead (`CoderOverview`).
 */
export function OverviewScreen() {
  const role = useAppStore((state) => state.role);
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  if (project === undefined) return null;
  if (!project) return <NoProject title={t(role === 'coder' ? 'nav.myWork' : 'nav.overview')} />;
  return role === 'coder' ? (
    <CoderOverview projectId={project.id} />
  ) : (
    <StudyPipeline projectId={project.id} />
  );
}

function StudyPipeline({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { project, codebook } = useCurrentProject();
  const go = useAppStore((state) => state.go);
  const plan = useAppStore((state) => state.packagePlans[projectId]);
  const { counts, progress } = useStudyOverview(projectId);
  if (!counts || !project) return null;

  const steps = pipelineSteps(t, lang, {
    counts,
    progress,
    plan,
    codebook: codebook ? { version: codebook.version, variables: codebook.variables.length } : null,
  });
  const next = progress === undefined ? undefined : (steps.find((step) => !step.done) ?? steps.at(-1)!);
  const stateOf = (step: Step): StepState => (step === next ? 'next' : step.done ? 'done' : 'open');

  return (
    <section className="overview">
      <h1 id="screen-title">{t('nav.overview')}</h1>
      <p className="muted">{projectName(project, lang)}</p>
      {next && (
        <div className="card callout next-action">
          <p>{t(`overview.next.${next.screen}`)}</p>
          <button type="button" className="primary" onClick={() => go(next.screen)}>
            {t(`overview.action.${next.screen}`)}
          </button>
        </div>
      )}
      {progress === null && (
        <p role="alert" className="warning">
          {t('overview.progressFailed')}
        </p>
      )}
      <ol className="pipeline" aria-label={t('overview.pipeline')}>
        {steps.map((step) => {
          const state = stateOf(step);
          return (
            <li key={step.screen} className={`pipeline-step ${state}`}>
              <span className="step-state">{t(`overview.state.${state}`)}</span>
              <span className="step-name">{t(`overview.step.${step.screen}`)}</span>
              <span className="step-figure">{step.figure}</span>
              <button type="button" className="link" onClick={() => go(step.screen)}>
                {t('overview.open', { screen: t(`nav.${step.screen}`) })}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** Each step's figure and whether it is done; the figures of the coded data wait for the worker. */
export function pipelineSteps(
  t: TFunction,
  lang: Lang,
  data: {
    counts: StudyCounts;
    progress: StudyProgress | null | undefined;
    plan: PackagePlan | undefined;
    codebook: { version: number; variables: number } | null;
  },
): Step[] {
  const { counts, progress, plan, codebook } = data;
  const pending = t('overview.summing');
  const coded = (figure: (p: StudyProgress) => string) => (progress ? figure(progress) : pending);
  const othersCoded = (progress?.coders ?? 0) >= 2 || counts.coderFiles > 0;
  return [
    { screen: 'import', done: counts.appeals > 0, figure: t('overview.appeals', { count: counts.appeals }) },
    {
      screen: 'codebook',
      done: (codebook?.variables ?? 0) > 0,
      figure: codebook?.variables
        ? t('overview.codebook', { version: codebook.version, count: codebook.variables })
        : t('overview.noCodebook'),
    },
    {
      screen: 'packages',
      done: (plan?.saved ?? 0) > 0 || othersCoded,
      figure: plan?.saved
        ? t('overview.packages', { count: plan.saved, date: formatDate(plan.savedAt ?? '', lang) })
        : t('overview.noPackages'),
    },
    {
      screen: 'coders',
      done: othersCoded,
      figure: `${t('overview.coderFiles', { count: counts.coderFiles })} · ${coded((p) =>
        t('overview.coders', { count: p.coders }),
      )}`,
    },
    {
      screen: 'agreement',
      done: (progress?.doubleCoded ?? 0) > 0,
      figure: coded((p) => t('overview.doubleCoded', { count: p.doubleCoded })),
    },
    {
      screen: 'adjudication',
      done: progress ? progress.coders > 0 && progress.disagreements === 0 : false,
      figure: coded((p) =>
        p.disagreements
          ? t('overview.disagreements', { count: p.disagreements })
          : t('overview.noDisagreements'),
      ),
    },
    {
      screen: 'export',
      done: progress ? progress.finalAppeals > 0 && progress.unresolvedAppeals === 0 : false,
      figure: coded((p) =>
        p.unresolvedAppeals
          ? t('overview.unresolved', { count: p.unresolvedAppeals })
          : p.finalAppeals
            ? t('overview.finalReady', { count: p.finalAppeals })
            : t('overview.noFinal'),
      ),
    },
  ];
}
