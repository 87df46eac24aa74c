import type { Coder, Coding } from '../model/index.ts';
import type { IntendedCodes, PlannedAppeal } from './appeals.ts';
import { mulberry32, pick, randomInt, shuffle, type Rng } from './random.ts';
import { DEMO_REGIONS } from './regions.ts';
import { BODY_CODES, REASON_CODES, SECONDARY_AFTER, type ReasonCode } from './scenarios.ts';

type VariableId = keyof IntendedCodes;
const VARIABLES: readonly VariableId[] = ['reason', 'region', 'body', 'response'];

export const DEMO_CODERS: readonly Coder[] = [
  { id: 'demo-coder-aigerim', name: 'Aigerim' },
  { id: 'demo-coder-dmitry', name: 'Dmitry' },
];

/** Both coders coded the first 60 appeals: the reliability sample. */
export const DEMO_CODED_APPEALS = 60;

/**
 * Units (of 60) on which the two coders disagree: about 15 % on the reason, 5 % on the region,
 * 20 % on the body and 10 % on the response — enough for the agreement screen to have something
 * to show, and the kind of disagreement real coders have (a second reason seen or missed, the
 * city confused with the oblast around it, a neighbouring body).
 */
const DISAGREEMENTS: Record<VariableId, number> = { reason: 9, region: 3, body: 12, response: 6 };

const SEED = 20191104;

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

/** What the coder who reads it differently assigns instead of the intended codes. */
function deviate(rng: Rng, variable: VariableId, intended: readonly string[]): string[] {
  const [first = '', second] = intended;
  switch (variable) {
    case 'reason': {
      const reason = first as ReasonCode;
      if (second !== undefined && rng() < 0.6) return [first];
      const extra = SECONDARY_AFTER[reason].filter((code) => !intended.includes(code));
      if (extra.length > 0 && rng() < 0.5) return ordered([...intended, pick(rng, extra)], REASON_CODES);
      return ordered([REASON_NEIGHBOUR[reason], ...intended.slice(1)], REASON_CODES);
    }
    case 'region': {
      const region = DEMO_REGIONS.find((r) => r.code === first);
      const others = DEMO_REGIONS.filter((r) => r.code !== first).map((r) => r.code);
      return [region?.confusedWith ?? pick(rng, others)];
    }
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
 * Two demo coders' codings of the first 60 appeals, every variable, with seeded disagreements
 * and a few "unsure" flags with a note. Times run through November 2019, each coder in order.
 */
export function createDemoCodings(projectId: string, planned: readonly PlannedAppeal[]): Coding[] {
  const rng = mulberry32(SEED);
  const sample = planned.slice(0, DEMO_CODED_APPEALS);
  // values[coder][unit][variable], starting from the intended codes
  const values = DEMO_CODERS.map(() => sample.map(({ intended }) => ({ ...intended })));
  const unsure = DEMO_CODERS.map(() => sample.map(() => new Map<VariableId, string>()));

  for (const variable of VARIABLES) {
    const units = shuffle(
      rng,
      sample.map((_, unit) => unit),
    ).slice(0, DISAGREEMENTS[variable]);
    for (const unit of units) {
      const coder = randomInt(rng, DEMO_CODERS.length);
      const intended = sample[unit]?.intended[variable] ?? [];
      const changed = deviate(rng, variable, intended);
      if (sameSet(changed, intended)) throw new Error(`demo codings: no deviation for ${variable}`);
      const row = values[coder]?.[unit];
      if (row) row[variable] = changed;
      const coderId = DEMO_CODERS[coder]?.id ?? '';
      if (rng() < 0.4) unsure[coder]?.[unit]?.set(variable, NOTES[coderId]?.[variable] ?? '');
    }
  }
  // Now and then a coder is unsure even where both agree.
  for (let i = 0; i < 3; i++) {
    const coder = randomInt(rng, DEMO_CODERS.length);
    const variable = pick(rng, VARIABLES);
    const coderId = DEMO_CODERS[coder]?.id ?? '';
    unsure[coder]?.[randomInt(rng, sample.length)]?.set(variable, NOTES[coderId]?.any ?? '');
  }

  const codings: Coding[] = [];
  DEMO_CODERS.forEach((coder, c) => {
    // Aigerim codes on 4 November, Dmitry on 6 November: two to five minutes an appeal.
    let time = Date.UTC(2019, 10, c === 0 ? 4 : 6, c === 0 ? 4 : 5, 0, 0);
    sample.forEach(({ appeal }, unit) => {
      time += (120 + randomInt(rng, 180)) * 1000;
      for (const variable of VARIABLES) {
        time += (10 + randomInt(rng, 30)) * 1000;
        const note = unsure[c]?.[unit]?.get(variable);
        codings.push({
          projectId,
          coderId: coder.id,
          appealId: appeal.id,
          variableId: variable,
          values: [...(values[c]?.[unit]?.[variable] ?? [])],
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
