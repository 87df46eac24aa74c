/**
 * What the synthetic appeals are about. Each scenario is one (reason × body) situation with
 * hand-written sentences in `fragments.ts` (ru) and `fragments.kk.ts` (kk), so an appeal's text
 * says what its intended codes say. Weights give the mix of reasons: corruption first, then poor
 * work, red tape, abuse of authority, court decisions, proposals and other — the order of the
 * study's most common reasons.
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
  weight: number;
}

export const SCENARIOS = [
  { id: 'corruption.police', reason: 'corruption', bodies: ['police'], weight: 14 },
  { id: 'corruption.health', reason: 'corruption', bodies: ['health'], weight: 9 },
  { id: 'corruption.akimat', reason: 'corruption', bodies: ['akimat'], weight: 9 },
  { id: 'corruption.quasi_monopoly', reason: 'corruption', bodies: ['quasi_monopoly'], weight: 4 },
  { id: 'corruption.courts', reason: 'corruption', bodies: ['courts'], weight: 3 },
  { id: 'corruption.bailiffs', reason: 'corruption', bodies: ['bailiffs'], weight: 3 },
  { id: 'corruption.tax', reason: 'corruption', bodies: ['tax'], weight: 3 },
  { id: 'corruption.other', reason: 'corruption', bodies: ['other'], weight: 4 },
  { id: 'incompetence.police', reason: 'incompetence', bodies: ['police'], weight: 6 },
  { id: 'incompetence.health', reason: 'incompetence', bodies: ['health'], weight: 8 },
  { id: 'incompetence.bailiffs', reason: 'incompetence', bodies: ['bailiffs'], weight: 6 },
  { id: 'incompetence.akimat', reason: 'incompetence', bodies: ['akimat'], weight: 5 },
  { id: 'incompetence.quasi_monopoly', reason: 'incompetence', bodies: ['quasi_monopoly'], weight: 5 },
  { id: 'incompetence.tax', reason: 'incompetence', bodies: ['tax'], weight: 2 },
  { id: 'incompetence.other', reason: 'incompetence', bodies: ['other'], weight: 3 },
  { id: 'red_tape.akimat', reason: 'red_tape', bodies: ['akimat'], weight: 8 },
  { id: 'red_tape.quasi_monopoly', reason: 'red_tape', bodies: ['quasi_monopoly'], weight: 3 },
  { id: 'red_tape.health', reason: 'red_tape', bodies: ['health'], weight: 2 },
  { id: 'red_tape.tax', reason: 'red_tape', bodies: ['tax'], weight: 2 },
  { id: 'red_tape.other', reason: 'red_tape', bodies: ['other'], weight: 2 },
  { id: 'court.courts', reason: 'court', bodies: ['courts'], weight: 10 },
  { id: 'court.courts_police', reason: 'court', bodies: ['courts', 'police'], weight: 3 },
  { id: 'court.courts_bailiffs', reason: 'court', bodies: ['courts', 'bailiffs'], weight: 2 },
  { id: 'abuse.police', reason: 'abuse', bodies: ['police'], weight: 5 },
  { id: 'abuse.akimat', reason: 'abuse', bodies: ['akimat'], weight: 4 },
  { id: 'abuse.tax', reason: 'abuse', bodies: ['tax'], weight: 2 },
  { id: 'abuse.bailiffs', reason: 'abuse', bodies: ['bailiffs'], weight: 3 },
  { id: 'abuse.other', reason: 'abuse', bodies: ['other'], weight: 2 },
  { id: 'proposal.police', reason: 'proposal', bodies: ['police'], weight: 2 },
  { id: 'proposal.health', reason: 'proposal', bodies: ['health'], weight: 2 },
  { id: 'proposal.akimat', reason: 'proposal', bodies: ['akimat'], weight: 2 },
  { id: 'proposal.courts', reason: 'proposal', bodies: ['courts'], weight: 1 },
  { id: 'proposal.other', reason: 'proposal', bodies: ['other'], weight: 2 },
  { id: 'other.other', reason: 'other', bodies: ['other'], weight: 4 },
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

/** Which second reason fits after which first one. */
export const SECONDARY_AFTER: Record<ReasonCode, readonly SecondaryReason[]> = {
  corruption: ['abuse', 'incompetence', 'red_tape', 'proposal'],
  incompetence: ['red_tape', 'corruption', 'proposal', 'abuse'],
  red_tape: ['corruption', 'incompetence', 'proposal'],
  court: ['corruption', 'abuse'],
  abuse: ['corruption', 'court', 'incompetence'],
  proposal: [],
  other: [],
};

/** Share of complaints that give a second reason. */
export const SECOND_REASON_RATE = 0.22;

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
  /** Greetings and first lines; `{gen}` is the region in the genitive. */
  openings: readonly string[];
  /** First lines that only fit a complaint. */
  complaintOpenings: readonly string[];
  /**
   * The situation itself, one or two sentences. Placeholders: `{loc}` the region in the locative
   * (kk also `{attr}`, "…-дағы"), `{sum}` an amount of tenge, `{period}` a length of time.
   */
  core: Record<ScenarioId, readonly string[]>;
  /** One more sentence of detail. */
  details: Record<ScenarioId, readonly string[]>;
  /** One sentence that adds a second reason to a complaint. */
  secondary: Record<SecondaryReason, readonly string[]>;
  /** The request at the end, by the first reason. */
  closings: Record<ReasonCode, readonly string[]>;
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

export const SUMS = ['20 000', '30 000', '50 000', '70 000', '100 000', '150 000', '200 000', '300 000'];
