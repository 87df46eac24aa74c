import type { Appeal } from '../model/index.ts';
import { KK_FRAGMENTS } from './fragments.kk.ts';
import { RU_FRAGMENTS } from './fragments.ts';
import { mulberry32, pick, pickWeighted, randomInt, shuffle, type Rng } from './random.ts';
import { DEMO_REGIONS, type DemoRegion } from './regions.ts';
import {
  BODY_CODES,
  REASON_CODES,
  RESPONSE_CODES,
  RESPONSE_WEIGHTS,
  SCENARIOS,
  SECOND_REASONS,
  SUMS,
  type DemoFragments,
  type ReasonCode,
  type ResponseCode,
  type SecondaryReason,
} from './scenarios.ts';

export type AppealLanguage = 'ru' | 'kk';

/** The codes an appeal was written to carry, per variable: what a careful coder would assign. */
export interface IntendedCodes {
  reason: string[];
  region: string[];
  body: string[];
  response: string[];
}

export interface PlannedAppeal {
  appeal: Appeal;
  intended: IntendedCodes;
}

export const DEMO_APPEAL_COUNT = 341;
/** About 60 % of the appeals are in Russian, 40 % in Kazakh. */
const RUSSIAN_APPEALS = Math.round(DEMO_APPEAL_COUNT * 0.6);
const FIRST_DAY = Date.UTC(2019, 7, 1);
const LAST_DAY = Date.UTC(2019, 9, 31);
const DAY_MS = 86_400_000;

// Two streams: the codes come from one and the wording from the other, so editing a sentence
// never changes which appeal carries which codes.
const PLAN_SEED = 20190801;
const TEXT_SEED = 20191031;

const FRAGMENTS: Record<AppealLanguage, DemoFragments> = { ru: RU_FRAGMENTS, kk: KK_FRAGMENTS };

/** Sentences end with . ! or ? followed by a space or the end (the fragments use no abbreviations). */
export function countSentences(text: string): number {
  return text.match(/[.!?]+(?=\s|$)/g)?.length ?? 0;
}

function inOrder<T extends string>(codes: readonly T[], order: readonly string[]): T[] {
  return [...new Set(codes)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/**
 * `{ся|ась}` gives the first form when the writer is a man and the second when a woman (Russian
 * past tense and short adjectives agree with the writer: «я подал» / «я подала»).
 */
function fill(template: string, slots: Record<string, string>, woman = false): string {
  const agreed = template.replace(/\{([^{}|]*)\|([^{}|]*)\}/g, (_, man: string, other: string) =>
    woman ? other : man,
  );
  const text = agreed.replace(/\{(\w+(?::\w+)?)\}/g, (_, name: string) => {
    const value = slots[name];
    if (value === undefined) throw new Error(`demo fragment: no value for {${name}} in "${template}"`);
    return value;
  });
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** The sentences of a text as the demo counts them: split on . ! ?, trimmed, lower-cased. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/[.!?]+/)
    .map((sentence) => sentence.trim().toLocaleLowerCase())
    .filter((sentence) => sentence.length > 0);
}

/** No sentence is written in more than two appeals. */
export const MAX_APPEALS_PER_SENTENCE = 2;

/** How many appeals each sentence is already in. */
type SentenceUses = Map<string, number>;

const usesOf = (uses: SentenceUses, text: string) =>
  Math.max(0, ...sentencesOf(text).map((sentence) => uses.get(sentence) ?? 0));

/**
 * One of `candidates` whose sentences are in the fewest appeals so far, none of them already in
 * two (nor in `taken`, this appeal's other parts); undefined when every candidate is used up.
 */
function pickFresh(
  rng: Rng,
  candidates: readonly string[],
  uses: SentenceUses,
  taken: ReadonlySet<string>,
): string | undefined {
  let best: string[] = [];
  let least = MAX_APPEALS_PER_SENTENCE;
  for (const candidate of new Set(candidates)) {
    if (sentencesOf(candidate).some((sentence) => taken.has(sentence))) continue;
    const used = usesOf(uses, candidate);
    if (used >= MAX_APPEALS_PER_SENTENCE) continue;
    if (used < least) [best, least] = [[candidate], used];
    else if (used === least) best.push(candidate);
  }
  return best.length > 0 ? pick(rng, best) : undefined;
}

interface TextPlan {
  language: AppealLanguage;
  scenario: (typeof SCENARIOS)[number];
  secondary: SecondaryReason | undefined;
  region: DemoRegion;
}

/** The appeal's slots: its region's forms, a length of time and, for each situation, a sum that fits it. */
function slotsFor(rng: Rng, plan: TextPlan): Record<string, string> {
  const f = FRAGMENTS[plan.language];
  const place = plan.language === 'ru' ? plan.region.ru : plan.region.kk;
  const sums = Object.entries(SUMS).map(([kind, values]) => [`sum:${kind}`, pick(rng, values)]);
  return { ...place, ...Object.fromEntries(sums), period: pick(rng, f.periods) };
}

/**
 * Opening, the situation, a detail, a second reason, a request, a sign-off: 2–6 sentences,
 * sometimes in paragraphs. Every part is chosen among the sentences in the fewest appeals so far,
 * so that none is in more than two; a part whose sentences are used up is left out (the situation
 * never is: the fragments hold enough of it).
 */
function composeText(rng: Rng, plan: TextPlan, uses: SentenceUses): string {
  const f = FRAGMENTS[plan.language];
  const { scenario } = plan;
  const slots = slotsFor(rng, plan);
  const complaint = scenario.reason !== 'proposal' && scenario.reason !== 'other';
  const at = (p: number) => rng() < p;
  // Men and women write: 45 % of the letters are a woman's.
  const woman = at(0.45);
  const taken = new Set<string>();
  const choose = (templates: readonly string[]) => {
    const chosen = pickFresh(
      rng,
      templates.map((template) => fill(template, slots, woman)),
      uses,
      taken,
    );
    for (const sentence of chosen ? sentencesOf(chosen) : []) taken.add(sentence);
    return chosen;
  };

  const firstLines = complaint ? [...f.openings, ...f.complaintOpenings] : f.openings;
  // Most letters address the Chairman before their first line; a few greet in a sentence of its own.
  const opening = at(0.8)
    ? choose([
        ...f.salutations.flatMap((salutation) => firstLines.map((line) => `${salutation}, ${line}`)),
        ...firstLines,
        ...f.greetings,
        ...f.salutations.map((salutation) => `${salutation}!`),
      ])
    : undefined;
  const core = choose(f.core[scenario.id]);
  if (core === undefined)
    throw new Error(`demo: the sentences of ${scenario.id} (${plan.language}) are used up`);
  const detail = at(0.7) ? choose(f.details[scenario.id]) : undefined;
  const second = plan.secondary ? choose(f.secondary[plan.secondary]) : undefined;
  if (plan.secondary && second === undefined)
    throw new Error(
      `demo: the sentences of the second reason ${plan.secondary} (${plan.language}) are used up`,
    );
  const count = (parts: (string | undefined)[]) => parts.reduce((n, s) => n + (s ? countSentences(s) : 0), 0);
  let closing = at(0.8) ? choose(f.closings[scenario.reason]) : undefined;
  if (count([opening, core, detail, second, closing]) < 2) closing ??= choose(f.closings[scenario.reason]);
  let signOff = at(0.3) ? choose(f.signOffs) : undefined;
  if (count([opening, core, detail, second, closing, signOff]) < 2) signOff ??= choose(f.signOffs);
  // At most six sentences: a long situation leaves out the sign-off, then the detail.
  if (count([opening, core, detail, second, closing, signOff]) > 6) signOff = undefined;
  const kept = count([opening, core, detail, second, closing]) > 6 ? undefined : detail;

  const paragraphs = at(0.35)
    ? [
        [opening, core],
        [kept, second],
        [closing, signOff],
      ]
    : [[opening, core, kept, second, closing, signOff]];
  return paragraphs
    .map((sentences) => sentences.filter((s): s is string => s !== undefined).join(' '))
    .filter((paragraph) => paragraph.length > 0)
    .join('\n\n');
}

function composeReply(
  rng: Rng,
  language: AppealLanguage,
  response: ResponseCode,
  reason: ReasonCode,
  firstBody: (typeof BODY_CODES)[number],
): string {
  const { replies, redirectTargets } = FRAGMENTS[language];
  switch (response) {
    case 'no_answer':
      return '';
    case 'investigation':
      return pick(rng, replies.investigation);
    case 'redirected':
      return fill(pick(rng, replies.redirected), { target: redirectTargets[firstBody] });
    case 'explanation':
      return pick(
        rng,
        reason === 'court'
          ? replies.explanationCourt
          : reason === 'other'
            ? replies.explanationOther
            : replies.explanation,
      );
    case 'other':
      return pick(rng, reason === 'proposal' ? replies.otherProposal : replies.other);
  }
}

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** `count` copies of `item`. */
const times = <T>(count: number, item: T): T[] => Array.from({ length: count }, () => item);

/**
 * The 341 synthetic appeals with the codes each was written to carry. Regions follow the study's
 * Table 2 and the scenarios and second reasons its Table 1 exactly (`regions.ts`, `scenarios.ts`),
 * each in a shuffled order; dates run from 1 August to 31 October 2019 in source order.
 */
export function planDemoAppeals(projectId: string): PlannedAppeal[] {
  const rng = mulberry32(PLAN_SEED);
  const textRng = mulberry32(TEXT_SEED);

  const regions = shuffle(
    rng,
    DEMO_REGIONS.flatMap((region) => times(region.appeals, region)),
  );
  if (regions.length !== DEMO_APPEAL_COUNT) throw new Error('demo: Table 2 does not add up to 341');
  const languages = shuffle(
    rng,
    Array.from({ length: DEMO_APPEAL_COUNT }, (_, i): AppealLanguage => (i < RUSSIAN_APPEALS ? 'ru' : 'kk')),
  );
  const days = (LAST_DAY - FIRST_DAY) / DAY_MS + 1;
  const dates = Array.from({ length: DEMO_APPEAL_COUNT }, () => randomInt(rng, days)).sort((a, b) => a - b);

  const scenarios = shuffle(
    rng,
    SCENARIOS.flatMap((scenario) => times(scenario.appeals, scenario)),
  );
  if (scenarios.length !== DEMO_APPEAL_COUNT) throw new Error('demo: the scenarios do not add up to 341');
  // Per first reason: its second reasons, and none for the rest of its appeals, shuffled.
  const seconds = new Map(
    REASON_CODES.map((reason) => {
      const appeals = scenarios.filter((s) => s.reason === reason).length;
      const given = Object.entries(SECOND_REASONS[reason]).flatMap(([code, count]) =>
        times(count, code as SecondaryReason),
      );
      if (given.length > appeals) throw new Error(`demo: more second reasons than appeals for ${reason}`);
      return [reason, shuffle(rng, [...given, ...times(appeals - given.length, undefined)])];
    }),
  );

  const uses: SentenceUses = new Map();
  return regions.map((region, order) => {
    const language = languages[order] ?? 'ru';
    const scenario = scenarios[order]!;
    const secondary = seconds.get(scenario.reason)?.pop();
    const weights = RESPONSE_WEIGHTS[scenario.reason];
    const response = pickWeighted(rng, RESPONSE_CODES, (code) => weights[RESPONSE_CODES.indexOf(code)] ?? 0);

    const text = composeText(textRng, { language, scenario, secondary, region }, uses);
    for (const sentence of new Set(sentencesOf(text))) uses.set(sentence, (uses.get(sentence) ?? 0) + 1);

    const bodies = [...scenario.bodies, ...(secondary === 'court' ? ['courts' as const] : [])];
    const day = dates[order] ?? 0;
    const appeal: Appeal = {
      projectId,
      id: `OD-2019-${String(order + 1).padStart(4, '0')}`,
      text,
      meta: {
        date: isoDay(FIRST_DAY + day * DAY_MS),
        region: region.label.en,
        addressee: FRAGMENTS[language].addressee,
        reply: composeReply(textRng, language, response, scenario.reason, scenario.bodies[0]),
        language,
      },
      order,
    };
    return {
      appeal,
      intended: {
        reason: inOrder([scenario.reason, ...(secondary ? [secondary] : [])], REASON_CODES),
        region: [region.code],
        body: inOrder(bodies, BODY_CODES),
        response: [response],
      },
    };
  });
}
