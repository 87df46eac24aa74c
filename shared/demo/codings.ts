import { assignAppeals, type AssignmentPlan } from '../formats/projectPackage.ts';
import type { Codebook, Coder, Coding, Consensus, Lang, Variable } from '../model/index.ts';
import type { IntendedCodes, PlannedAppeal } from './appeals.ts';
import { mulberry32, pick, randomInt, shuffle, type Rng } from './random.ts';
import { DEMO_REGIONS } from './regions.ts';
import {
  BODY_CODES,
  REASON_CODES,
  SECOND_REASONS,
  type ReasonCode,
  type SecondaryReason,
} from './scenarios.ts';

type VariableId = keyof IntendedCodes;
const VARIABLES: readonly VariableId[] = ['reason', 'region', 'body', 'response'];

export const DEMO_CODERS: readonly Coder[] = [
  { id: 'demo-coder-aigerim', name: 'Aigerim' },
  { id: 'demo-coder-dmitry', name: 'Dmitry' },
];

/** The supervisor who settles the coders' disagreements in the demo's adjudicated project file. */
export const DEMO_SUPERVISOR: Coder = { id: 'demo-supervisor-saule', name: 'Saule' };

/**
 * The demo people's names in the script of each UI language (`name` above is the English one):
 * a Kazakh UI writes «Айгерім», a Russian one «Айгерим», an English one "Aigerim".
 */
export const DEMO_PEOPLE_NAMES: Record<string, Record<Lang, string>> = {
  'demo-coder-aigerim': { kk: 'Айгерім', ru: 'Айгерим', en: 'Aigerim' },
  'demo-coder-dmitry': { kk: 'Дмитрий', ru: 'Дмитрий', en: 'Dmitry' },
  'demo-supervisor-saule': { kk: 'Сәуле', ru: 'Сауле', en: 'Saule' },
};

/** A demo coder (or the supervisor) named in `lang`; anyone else as they are. */
export function demoPerson(coder: Coder, lang: Lang): Coder {
  const name = DEMO_PEOPLE_NAMES[coder.id]?.[lang];
  return name ? { ...coder, name } : { ...coder };
}

/** Both coders code about 20 % of the appeals (68 of 341), the reliability sample; each codes half the rest. */
export const DEMO_OVERLAP_SHARE = 0.2;

/**
 * Units of the overlap sample (68 appeals) on which the two coders disagree: 22 % on the reason,
 * 12 % on the region, 21 % on the body and 16 % on the response, 48 of 272 units (18 %) — the
 * kind of disagreement real coders have: a second reason seen or missed, a neighbouring reason,
 * the city confused with the oblast around it, a body missed or added, a neighbouring response.
 */
const DISAGREEMENTS: Record<VariableId, number> = { reason: 15, region: 8, body: 14, response: 11 };

/** Answers a coder flags "unsure" although they are right, in her own share or in the overlap. */
const UNSURE_BUT_RIGHT = 10;

/** How many appeals a coder codes in a working day. */
const APPEALS_A_DAY = 45;

const SEED = 20191104;
const CONSENSUS_SEED = 20191114;
/** The supervisor settles the overlap sample on Thursday 14 November, from 10:00 in Almaty (UTC+6). */
const ADJUDICATION_START = Date.UTC(2019, 10, 14, 4, 0, 0);

/** Notes a coder leaves with "unsure": Aigerim writes in Kazakh, Dmitry in Russian. */
const NOTES: Record<string, Record<VariableId | 'any', string>> = {
  'demo-coder-aigerim': {
    reason: 'Екінші себеп бар ма — анық емес.',
    region: 'Қала ма, облыс па — мәтіннен анық емес.',
    body: 'Қай органды сынайтынын анықтау қиын.',
    response: 'Бұл түсіндірме ме, әлде басқа органға жіберу ме?',
    any: 'Сенімді емеспін, талқылау керек.',
  },
  'demo-coder-dmitry': {
    reason: 'Не уверен, есть ли вторая причина.',
    region: 'Непонятно, город или область.',
    body: 'Трудно сказать, какой орган критикуют.',
    response: 'Это разъяснение или перенаправление?',
    any: 'Не уверен, стоит обсудить.',
  },
};

const REASON_NEIGHBOUR: Record<ReasonCode, ReasonCode> = {
  corruption: 'abuse',
  incompetence: 'red_tape',
  red_tape: 'incompetence',
  court: 'abuse',
  abuse: 'corruption',
  proposal: 'other',
  other: 'proposal',
};
const BODY_NEIGHBOUR: Record<string, string> = {
  police: 'other',
  health: 'other',
  tax: 'akimat',
  bailiffs: 'courts',
  courts: 'bailiffs',
  quasi_monopoly: 'akimat',
  akimat: 'quasi_monopoly',
  other: 'akimat',
};
const RESPONSE_NEIGHBOUR: Record<string, string> = {
  investigation: 'redirected',
  redirected: 'explanation',
  explanation: 'other',
  no_answer: 'other',
  other: 'explanation',
};

function ordered(codes: readonly string[], order: readonly string[]): string[] {
  return [...new Set(codes)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((code) => b.includes(code));

/** Only a city and the oblast around it are confused: a coder does not mistake Atyrau for Kostanay. */
const confusedRegion = (code: string | undefined) => DEMO_REGIONS.find((r) => r.code === code)?.confusedWith;

/** What the coder who reads it differently assigns instead of the intended codes. */
function deviate(rng: Rng, variable: VariableId, intended: readonly string[]): string[] {
  const [first = '', second] = intended;
  switch (variable) {
    case 'reason': {
      const reason = first as ReasonCode;
      if (second !== undefined && rng() < 0.6) return [first];
      const fitting = Object.keys(SECOND_REASONS[reason]) as SecondaryReason[];
      const extra = fitting.filter((code) => !intended.includes(code));
      if (extra.length > 0 && rng() < 0.5) return ordered([...intended, pick(rng, extra)], REASON_CODES);
      return ordered([REASON_NEIGHBOUR[reason], ...intended.slice(1)], REASON_CODES);
    }
    case 'region':
      return [confusedRegion(first) ?? first];
    case 'body': {
      if (second !== undefined) return [first];
      const neighbour = BODY_NEIGHBOUR[first] ?? 'other';
      return rng() < 0.5 ? ordered([first, neighbour], BODY_CODES) : [neighbour];
    }
    case 'response':
      return [RESPONSE_NEIGHBOUR[first] ?? 'other'];
  }
}

/**
 * Who codes what: the overlap sample (about 20 %) for both coders, the rest dealt between them
 * — the assignment the app's "coder packages" make, with a fixed seed.
 */
export function demoAssignment(planned: readonly PlannedAppeal[]): AssignmentPlan {
  return assignAppeals(
    planned.map(({ appeal }) => appeal.id),
    DEMO_CODERS.length,
    DEMO_OVERLAP_SHARE,
    'open-dialogue-demo',
  );
}

const unitKey = (coder: number, appealId: string, variable: VariableId) => `${coder}|${appealId}|${variable}`;

/** The next working day after `day` (midnight UTC), Saturdays and Sundays skipped. */
function nextWorkingDay(day: number): number {
  let next = day + 86_400_000;
  while ([0, 6].includes(new Date(next).getUTCDay())) next += 86_400_000;
  return next;
}

/**
 * The two demo coders' codings of all 341 appeals, every variable: each codes the overlap sample
 * and her own share (`demoAssignment`). On the overlap sample they disagree on some units
 * (`DISAGREEMENTS`), one of them reading the appeal differently; everywhere else a coder gives the
 * codes the text was written to carry. Some answers are flagged "unsure" with a note. Each coder
 * works through her appeals in source order, 45 a working day: Aigerim from Monday 4 November
 * 2019, Dmitry from Wednesday 6 November.
 */
export function createDemoCodings(projectId: string, planned: readonly PlannedAppeal[]): Coding[] {
  const rng = mulberry32(SEED);
  const { overlap, shares } = demoAssignment(planned);
  const both = new Set(overlap);
  const sample = planned.filter(({ appeal }) => both.has(appeal.id));
  const deviations = new Map<string, string[]>();
  const notes = new Map<string, string>();
  const noteOf = (coder: number, variable: VariableId | 'any') =>
    NOTES[DEMO_CODERS[coder]?.id ?? '']?.[variable] ?? '';

  for (const variable of VARIABLES) {
    const candidates = sample.filter(
      ({ intended }) => variable !== 'region' || confusedRegion(intended.region[0]) !== undefined,
    );
    for (const { appeal, intended } of shuffle(rng, candidates).slice(0, DISAGREEMENTS[variable])) {
      const coder = randomInt(rng, DEMO_CODERS.length);
      const changed = deviate(rng, variable, intended[variable]);
      if (sameSet(changed, intended[variable])) throw new Error(`demo codings: no deviation for ${variable}`);
      deviations.set(unitKey(coder, appeal.id, variable), changed);
      if (rng() < 0.4) notes.set(unitKey(coder, appeal.id, variable), noteOf(coder, variable));
    }
  }
  const mine = DEMO_CODERS.map((_, c) => {
    const own = new Set([...overlap, ...(shares[c] ?? [])]);
    return planned.filter(({ appeal }) => own.has(appeal.id));
  });
  // Now and then a coder is unsure where she is right.
  for (let i = 0; i < UNSURE_BUT_RIGHT; i++) {
    const coder = randomInt(rng, DEMO_CODERS.length);
    const { appeal } = pick(rng, mine[coder] ?? []);
    const key = unitKey(coder, appeal.id, pick(rng, VARIABLES));
    if (!deviations.has(key) && !notes.has(key)) notes.set(key, noteOf(coder, 'any'));
  }

  const codings: Coding[] = [];
  DEMO_CODERS.forEach((coder, c) => {
    // From 10:00 in Almaty (UTC+6), two to five minutes an appeal.
    let day = Date.UTC(2019, 10, c === 0 ? 4 : 6);
    let time = day + 4 * 3_600_000;
    (mine[c] ?? []).forEach(({ appeal, intended }, done) => {
      if (done > 0 && done % APPEALS_A_DAY === 0) {
        day = nextWorkingDay(day);
        time = day + 4 * 3_600_000 + randomInt(rng, 40) * 60_000;
      }
      time += (120 + randomInt(rng, 180)) * 1000;
      for (const variable of VARIABLES) {
        time += (10 + randomInt(rng, 30)) * 1000;
        const key = unitKey(c, appeal.id, variable);
        const note = notes.get(key);
        codings.push({
          projectId,
          coderId: coder.id,
          appealId: appeal.id,
          variableId: variable,
          values: [...(deviations.get(key) ?? intended[variable])],
          ...(note !== undefined ? { note } : {}),
          unsure: note !== undefined,
          updatedAt: new Date(time).toISOString(),
          codebookVersion: 1,
        });
      }
    });
  });
  return codings;
}

/** The supervisor's reason (in English) for settling a unit on `truth` where a coder gave `wrong`. */
export function adjudicationReason(
  variable: Variable,
  truth: readonly string[],
  wrong: readonly string[],
): string {
  const category = (code: string | undefined) => variable.categories.find((c) => c.code === code);
  const names = (codes: readonly string[]) =>
    codes.map((code) => `“${category(code)?.label.en ?? code}”`).join(' and ');
  const missing = truth.filter((code) => !wrong.includes(code));
  const extra = wrong.filter((code) => !truth.includes(code));
  const body = variable.id === 'body';
  if (extra.length === 0)
    return body
      ? `The appeal also criticises ${names(missing)}: code every body it names or clearly implies.`
      : `The appeal also gives ${names(missing)} as a reason: code every reason the text gives.`;
  if (missing.length === 0)
    return body
      ? `The appeal does not criticise ${names(extra)}.`
      : `The text does not give ${names(extra)} as a reason.`;
  return `${names(missing)}, not ${names(extra)}: ${category(missing[0])?.definition.en ?? ''}`;
}

/**
 * The consensus on every unit of the overlap sample, as the supervisor records it once every
 * disagreement is settled: "agreed" where both coders gave the same answer (recorded at once,
 * as the app's "accept agreed units" does), else "adjudicated" on the codes the text carries,
 * with a reason, one unit after another.
 */
export function createDemoConsensus(
  codebook: Codebook,
  planned: readonly PlannedAppeal[],
  codings: readonly Coding[],
): Consensus[] {
  const rng = mulberry32(CONSENSUS_SEED);
  const units = new Map<string, Coding[]>();
  for (const c of codings) {
    const key = `${c.appealId}|${c.variableId}`;
    units.set(key, [...(units.get(key) ?? []), c]);
  }
  let time = ADJUDICATION_START;
  const consensus: Consensus[] = [];
  for (const { appeal, intended } of planned) {
    for (const variable of VARIABLES) {
      const unit = units.get(`${appeal.id}|${variable}`) ?? [];
      if (unit.length < 2) continue;
      const settled = {
        projectId: appeal.projectId,
        appealId: appeal.id,
        variableId: variable,
        by: DEMO_SUPERVISOR.id,
      };
      const truth = intended[variable];
      const wrong = unit.find((c) => !sameSet(c.values, truth));
      if (!wrong) {
        consensus.push({
          ...settled,
          values: [...truth],
          method: 'agreed',
          at: new Date(ADJUDICATION_START).toISOString(),
        });
        continue;
      }
      const definition = codebook.variables.find((v) => v.id === variable);
      if (!definition) throw new Error(`demo consensus: no variable ${variable}`);
      time += (60 + randomInt(rng, 180)) * 1000;
      consensus.push({
        ...settled,
        values: [...truth],
        method: 'adjudicated',
        reason: adjudicationReason(definition, truth, wrong.values),
        at: new Date(time).toISOString(),
      });
    }
  }
  return consensus;
}
