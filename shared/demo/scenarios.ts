/**
 * What the synthetic appeals are about. Each scenario is one (reason × body) situation with
 * hand-written sentences in `fragments.ts` (ru) and `fragments.kk.ts` (kk), so an appeal's text
 * says what its intended codes say. The counts of scenarios and of second reasons are chosen so
 * that the 341 appeals, coded as their texts say, give the study's tables exactly (DESIGN.md):
 * Table 1, reasons as shares of all 447 reasons given — encounter with corruption 83 (18.6 %),
 * poor-quality work 73 (16.3 %), red tape 70 (15.7 %), court decisions 56 (12.5 %), abuse of
 * authority 44 (9.8 %), proposals 43 (9.6 %) and other reasons 78 (17.4 %, the study's smaller
 * categories together); and 158 appeals criticising the police (90) or hospitals (68). Table 2, the regions, is in `regions.ts`.
 */
export const REASON_CODES = [
  'corruption',
  'incompetence',
  'red_tape',
  'court',
  'abuse',
  'proposal',
  'other',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export const BODY_CODES = [
  'police',
  'health',
  'tax',
  'bailiffs',
  'courts',
  'quasi_monopoly',
  'akimat',
  'other',
] as const;
export type BodyCode = (typeof BODY_CODES)[number];

export const RESPONSE_CODES = ['investigation', 'redirected', 'explanation', 'no_answer', 'other'] as const;
export type ResponseCode = (typeof RESPONSE_CODES)[number];

interface Scenario {
  id: string;
  reason: ReasonCode;
  bodies: readonly BodyCode[];
  /** How many of the 341 appeals it is the first reason of. */
  appeals: number;
}

export const SCENARIOS = [
  { id: 'corruption.police', reason: 'corruption', bodies: ['police'], appeals: 29 },
  { id: 'corruption.health', reason: 'corruption', bodies: ['health'], appeals: 18 },
  { id: 'corruption.akimat', reason: 'corruption', bodies: ['akimat'], appeals: 7 },
  { id: 'corruption.quasi_monopoly', reason: 'corruption', bodies: ['quasi_monopoly'], appeals: 4 },
  { id: 'corruption.courts', reason: 'corruption', bodies: ['courts'], appeals: 3 },
  { id: 'corruption.bailiffs', reason: 'corruption', bodies: ['bailiffs'], appeals: 3 },
  { id: 'corruption.tax', reason: 'corruption', bodies: ['tax'], appeals: 1 },
  { id: 'corruption.other', reason: 'corruption', bodies: ['other'], appeals: 3 },
  { id: 'incompetence.police', reason: 'incompetence', bodies: ['police'], appeals: 17 },
  { id: 'incompetence.health', reason: 'incompetence', bodies: ['health'], appeals: 26 },
  { id: 'incompetence.bailiffs', reason: 'incompetence', bodies: ['bailiffs'], appeals: 7 },
  { id: 'incompetence.akimat', reason: 'incompetence', bodies: ['akimat'], appeals: 3 },
  { id: 'incompetence.quasi_monopoly', reason: 'incompetence', bodies: ['quasi_monopoly'], appeals: 3 },
  { id: 'incompetence.tax', reason: 'incompetence', bodies: ['tax'], appeals: 1 },
  { id: 'incompetence.other', reason: 'incompetence', bodies: ['other'], appeals: 1 },
  { id: 'red_tape.akimat', reason: 'red_tape', bodies: ['akimat'], appeals: 17 },
  { id: 'red_tape.quasi_monopoly', reason: 'red_tape', bodies: ['quasi_monopoly'], appeals: 8 },
  { id: 'red_tape.health', reason: 'red_tape', bodies: ['health'], appeals: 18 },
  { id: 'red_tape.tax', reason: 'red_tape', bodies: ['tax'], appeals: 4 },
  { id: 'red_tape.other', reason: 'red_tape', bodies: ['other'], appeals: 3 },
  { id: 'court.courts', reason: 'court', bodies: ['courts'], appeals: 18 },
  { id: 'court.courts_police', reason: 'court', bodies: ['courts', 'police'], appeals: 16 },
  { id: 'court.courts_bailiffs', reason: 'court', bodies: ['courts', 'bailiffs'], appeals: 6 },
  { id: 'abuse.police', reason: 'abuse', bodies: ['police'], appeals: 22 },
  { id: 'abuse.akimat', reason: 'abuse', bodies: ['akimat'], appeals: 4 },
  { id: 'abuse.tax', reason: 'abuse', bodies: ['tax'], appeals: 2 },
  { id: 'abuse.bailiffs', reason: 'abuse', bodies: ['bailiffs'], appeals: 2 },
  { id: 'abuse.other', reason: 'abuse', bodies: ['other'], appeals: 2 },
  { id: 'proposal.police', reason: 'proposal', bodies: ['police'], appeals: 6 },
  { id: 'proposal.health', reason: 'proposal', bodies: ['health'], appeals: 6 },
  { id: 'proposal.akimat', reason: 'proposal', bodies: ['akimat'], appeals: 1 },
  { id: 'proposal.courts', reason: 'proposal', bodies: ['courts'], appeals: 1 },
  { id: 'proposal.other', reason: 'proposal', bodies: ['other'], appeals: 1 },
  { id: 'other.other', reason: 'other', bodies: ['other'], appeals: 78 },
] as const satisfies readonly Scenario[];
export type ScenarioId = (typeof SCENARIOS)[number]['id'];

/** Reasons a complaint may add in one more sentence; `court` also brings the courts in as a body. */
export const SECONDARY_REASONS = [
  'corruption',
  'incompetence',
  'red_tape',
  'court',
  'abuse',
  'proposal',
] as const;
export type SecondaryReason = (typeof SECONDARY_REASONS)[number];

/**
 * How many appeals of each first reason add one more sentence with a second reason — only reasons
 * that fit after it (a court that sided with the official, say). 106 in all: 341 first reasons and
 * 106 second ones are the study's 447 responses.
 */
export const SECOND_REASONS: Record<ReasonCode, Partial<Record<SecondaryReason, number>>> = {
  corruption: { red_tape: 10, proposal: 10, abuse: 8, incompetence: 5, court: 2 },
  incompetence: { red_tape: 10, proposal: 8, corruption: 5, court: 5 },
  red_tape: { corruption: 5, incompetence: 6, proposal: 7 },
  court: { corruption: 3, abuse: 4 },
  abuse: { court: 9, incompetence: 4, proposal: 3, corruption: 2 },
  proposal: {},
  other: {},
};

/** How the agency answered, by the first reason (weights in the order of RESPONSE_CODES). */
export const RESPONSE_WEIGHTS: Record<ReasonCode, readonly number[]> = {
  corruption: [40, 25, 10, 15, 10],
  incompetence: [5, 45, 25, 15, 10],
  red_tape: [5, 45, 25, 15, 10],
  court: [3, 17, 60, 15, 5],
  abuse: [25, 40, 15, 12, 8],
  proposal: [0, 10, 10, 20, 60],
  other: [0, 0, 60, 15, 25],
};

/** Everything an appeal's text is composed from, in one language. */
export interface DemoFragments {
  /** The appeal's addressee, "Head of the Anti-Corruption Agency". */
  addressee: string;
  /**
   * How a letter addresses the Chairman ("Уважаемый Председатель"); it opens the first line
   * ("Уважаемый Председатель, пишу вам…") or stands alone as a greeting with "!".
   */
  salutations: readonly string[];
  /** Greetings that are a sentence of their own ("Здравствуйте!"). */
  greetings: readonly string[];
  /** First lines, lower-case (a salutation may come before them); `{gen}` is the region in the genitive. */
  openings: readonly string[];
  /** First lines that only fit a complaint. */
  complaintOpenings: readonly string[];
  /**
   * The situation itself, one or two sentences. Placeholders: `{loc}` the region in the locative
   * (kk also `{attr}`, "…-дағы"), `{sum:kind}` an amount of tenge that fits the situation
   * (`SUMS`), `{period}` a length of time.
   */
  core: Record<ScenarioId, readonly string[]>;
  /** One more sentence of detail. */
  details: Record<ScenarioId, readonly string[]>;
  /** One sentence that adds a second reason to a complaint. */
  secondary: Record<SecondaryReason, readonly string[]>;
  /** The request at the end, by the first reason. */
  closings: Record<ReasonCode, readonly string[]>;
  /** A last line after the request: thanks, a hope, a wish. */
  signOffs: readonly string[];
  periods: readonly string[];
  replies: {
    investigation: readonly string[];
    /** `{target}`: the body the appeal went to, from `redirectTargets`. */
    redirected: readonly string[];
    explanation: readonly string[];
    explanationCourt: readonly string[];
    explanationOther: readonly string[];
    other: readonly string[];
    otherProposal: readonly string[];
  };
  /** Where an appeal about each body is redirected, in the form `replies.redirected` needs. */
  redirectTargets: Record<BodyCode, string>;
}

/**
 * What a bribe costs in each situation a fragment names (`{sum:kind}`), in tenge: a traffic stop
 * is paid in thousands, a land plot, a court case or a deferment from the army in millions.
 */
export const SUMS = {
  /** A traffic stop, "to settle it on the spot". */
  traffic: ['5 000', '10 000', '15 000', '20 000', '30 000'],
  /** A precinct officer or a police clerk, to drop or lose a complaint. */
  precinct: ['50 000', '80 000', '100 000', '150 000', '200 000'],
  /** An investigator, to change how a criminal case goes. */
  investigator: ['500 000', '1 000 000', '1 500 000', '2 000 000', '3 000 000'],
  /** A certificate or a document "without the queue" (migration police, ЦОН). */
  documents: ['5 000', '10 000', '15 000', '20 000', '30 000'],
  /** A driving test or a technical inspection. */
  exam: ['30 000', '50 000', '70 000', '100 000'],
  /** A planned operation "sooner" than the quota. */
  operation: ['100 000', '150 000', '200 000', '300 000', '500 000'],
  /** A referral, a test or a certificate from a doctor. */
  referral: ['5 000', '10 000', '15 000', '20 000', '30 000'],
  /** A place in a ward, a nurse's or an orderly's "thanks". */
  ward: ['3 000', '5 000', '10 000', '20 000'],
  /** A disability group from the medical commission. */
  disability: ['100 000', '200 000', '300 000', '500 000'],
  /** A land plot from the akimat. */
  land: ['1 000 000', '1 500 000', '2 000 000', '3 000 000', '5 000 000'],
  /** A place higher in the housing queue. */
  housing: ['500 000', '1 000 000', '2 000 000', '3 000 000'],
  /** A permit or an approval (a shop sign, a building, a kiosk). */
  permit: ['50 000', '100 000', '150 000', '200 000', '300 000'],
  /** A connection to power, gas or water. */
  utility: ['100 000', '150 000', '200 000', '300 000', '400 000'],
  /** A court decision. */
  court: ['1 000 000', '2 000 000', '3 000 000', '5 000 000', '10 000 000'],
  /** A bailiff, to speed up or lift an enforcement. */
  bailiff: ['50 000', '100 000', '200 000', '300 000', '500 000'],
  /** A tax inspection that "finds nothing". */
  tax: ['200 000', '300 000', '500 000', '700 000', '1 000 000'],
  /** A place in a state kindergarten. */
  kindergarten: ['100 000', '150 000', '200 000', '250 000', '300 000'],
  /** A deferment or an exemption from military service. */
  military: ['500 000', '700 000', '1 000 000', '1 500 000'],
  /** A licence or a permit for a business (a pharmacy, a café, a taxi company). */
  licence: ['200 000', '300 000', '500 000', '800 000'],
  /** A school's or a university's grade, a certificate of a school. */
  school: ['20 000', '30 000', '50 000', '100 000'],
} as const;
export type SumKind = keyof typeof SUMS;
