import { ALPHA_MINIMA, type AlphaBootstrap, type AlphaMinimum } from './alphaBootstrap.ts';

/**
 * Whether α establishes reliability against a chosen minimum, decided with the bootstrap
 * distribution as Hayes & Krippendorff (2007) propose: q, the probability that α falls below
 * α_min, is the share of bootstrap α below it.
 *
 * - `established`: q ≤ .05 — the 95 % one-sided interval lies above α_min;
 * - `not-established`: α itself is below α_min;
 * - `uncertain`: α is at or above α_min, but with q > .05 the sample cannot tell it from α_min.
 */
export type Verdict = 'established' | 'uncertain' | 'not-established';

export interface ReliabilityDecision {
  alphaMin: AlphaMinimum;
  q: number;
  /** Lower bound of the 95 % bootstrap interval. */
  lower: number;
  verdict: Verdict;
}

/** The largest q at which reliability counts as established. */
export const MAX_Q = 0.05;

export function isAlphaMinimum(text: string): text is AlphaMinimum {
  return (ALPHA_MINIMA as readonly string[]).includes(text);
}

export function reliabilityDecision(
  alpha: number,
  bootstrap: AlphaBootstrap,
  alphaMin: AlphaMinimum,
): ReliabilityDecision {
  const q = bootstrap.probabilityBelow[alphaMin];
  const verdict: Verdict =
    alpha < Number(alphaMin) ? 'not-established' : q <= MAX_Q ? 'established' : 'uncertain';
  return { alphaMin, q, lower: bootstrap.ci95[0], verdict };
}
