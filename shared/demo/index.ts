import type { Appeal, Codebook, Coder, Coding, Lang, Project } from '../model/index.ts';
import { planDemoAppeals } from './appeals.ts';
import { createDemoCodebook } from './codebook.ts';
import { createDemoCodings, DEMO_CODERS } from './codings.ts';

export const DEMO_PROJECT_ID = 'demo-open-dialogue';

/** The project's name in each UI language; `project.name` holds the English one. */
export const DEMO_PROJECT_NAMES: Record<Lang, string> = {
  en: 'Open Dialogue: appeals to the Anti-Corruption Agency (synthetic)',
  ru: 'Открытый диалог: обращения в Агентство по противодействию коррупции (синтетические)',
  kk: 'Ашық диалог: Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігіне өтініштер (синтетикалық)',
};

export { DEMO_CODERS, DEMO_CODED_APPEALS } from './codings.ts';
export { DEMO_APPEAL_COUNT } from './appeals.ts';

const CREATED_AT = '2019-11-01T04:00:00.000Z';

export interface DemoProject {
  project: Project;
  codebook: Codebook;
  appeals: Appeal[];
  coders: Coder[];
  codings: Coding[];
}

/**
 * The embedded demo: a synthetic replica of the Open Dialogue study (DESIGN.md) — its codebook
 * in kk/ru/en, 341 appeals in Russian and Kazakh written for Kodtau (no real people or cases),
 * and two coders' codings of the first 60. Pure and deterministic: every call returns equal,
 * freshly built data.
 */
export function createDemoProject(): DemoProject {
  const planned = planDemoAppeals(DEMO_PROJECT_ID);
  return {
    project: {
      id: DEMO_PROJECT_ID,
      name: DEMO_PROJECT_NAMES.en,
      languages: ['kk', 'ru', 'en'],
      createdAt: CREATED_AT,
      demo: true,
    },
    codebook: createDemoCodebook(DEMO_PROJECT_ID, CREATED_AT),
    appeals: planned.map(({ appeal }) => appeal),
    coders: DEMO_CODERS.map((coder) => ({ ...coder })),
    codings: createDemoCodings(DEMO_PROJECT_ID, planned),
  };
}
