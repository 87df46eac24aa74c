import type { Appeal, Codebook, Coder, Coding, Consensus, Lang, Project } from '../model/index.ts';
import { planDemoAppeals } from './appeals.ts';
import { createDemoCodebook } from './codebook.ts';
import { createDemoCodings, createDemoConsensus, DEMO_CODERS, demoPerson } from './codings.ts';

export const DEMO_PROJECT_ID = 'demo-open-dialogue';

/** The project's name in each UI language; `project.name` holds the English one. */
export const DEMO_PROJECT_NAMES: Record<Lang, string> = {
  en: 'Open Dialogue: appeals to the Anti-Corruption Agency (synthetic)',
  ru: 'Открытый диалог: обращения в Агентство по противодействию коррупции (синтетические)',
  kk: 'Ашық диалог: Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігіне өтініштер (синтетикалық)',
};

export {
  DEMO_CODERS,
  DEMO_OVERLAP_SHARE,
  DEMO_PEOPLE_NAMES,
  DEMO_SUPERVISOR,
  demoPerson,
} from './codings.ts';
export { DEMO_APPEAL_COUNT } from './appeals.ts';

const CREATED_AT = '2019-11-01T04:00:00.000Z';

export interface DemoProject {
  project: Project;
  codebook: Codebook;
  appeals: Appeal[];
  coders: Coder[];
  codings: Coding[];
  /**
   * The supervisor's consensus on every unit both coders coded, once every disagreement is
   * settled: what the demo's adjudicated project file holds. The app opens the demo without it,
   * with the disagreements still to adjudicate.
   */
  adjudication: Consensus[];
}

/**
 * The embedded demo: a synthetic replica of the Open Dialogue study (DESIGN.md) — its codebook
 * in kk/ru/en, 341 appeals in Russian and Kazakh written for Kodtau (no real people or cases),
 * two coders' codings of all of them (an overlap sample of about 20 % coded by both, the rest
 * split between them) and the supervisor's adjudication of the overlap. Coded as their texts
 * say, the appeals give the study's Tables 1 and 2 exactly. Pure and deterministic: every call
 * returns equal, freshly built data. The coders are named in `lang`'s script (Айгерім in Kazakh).
 */
export function createDemoProject(lang: Lang = 'en'): DemoProject {
  const planned = planDemoAppeals(DEMO_PROJECT_ID);
  const codebook = createDemoCodebook(DEMO_PROJECT_ID, CREATED_AT);
  const codings = createDemoCodings(DEMO_PROJECT_ID, planned);
  return {
    project: {
      id: DEMO_PROJECT_ID,
      name: DEMO_PROJECT_NAMES.en,
      languages: ['kk', 'ru', 'en'],
      createdAt: CREATED_AT,
      demo: true,
    },
    codebook,
    appeals: planned.map(({ appeal }) => appeal),
    coders: DEMO_CODERS.map((coder) => demoPerson(coder, lang)),
    codings,
    adjudication: createDemoConsensus(codebook, planned, codings),
  };
}
