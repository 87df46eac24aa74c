import { answerKey } from '../consensus/codingUnits.ts';
import { hasAnswer, type Coding, type Consensus, type Variable } from '../model/index.ts';
import { codingRows } from './codingRows.ts';
import { multiChoiceReport } from './multiChoiceReport.ts';
import { agreementReport } from './agreementReport.ts';

/** How codings are put into periods: the week of coding, or blocks of each coder's order of work. */
export type DriftAxis = 'week' | 'order';

/** Fewer pairable units (or a coder's fewer comparisons) in a period and its point is not drawn. */
export const MIN_PERIOD_UNITS = 10;
/** A coder's order of work is cut into blocks of this many of their codings of the variable. */
export const ORDER_BLOCK = 50;

export interface DriftPoint {
  /** `2019-W36` (ISO week, UTC) or `1`, `2`, … (block of the order of work). */
  period: string;
  /** Pairable units (variable) or comparisons with others (coder) in the period. */
  n: number;
  value: number | null;
  ci: readonly [number, number] | null;
  /** Why there is no value. */
  reason?: 'too-few-units' | 'undefined';
}

export interface CoderDrift {
  coderId: string;
  points: DriftPoint[];
  /** The latest period's agreement is clearly below the coder's earlier level (see `coderDrift`). */
  drifting: boolean;
}

/** ISO 8601 week of an instant, in UTC: `2019-W36`. */
export function isoWeek(iso: string): string {
  const date = new Date(iso);
  const day = (date.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day + 3));
  // The week belongs to the year of its Thursday, and counts the Thursdays of that year up to it.
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The period of each answer of `variable`: its week, or its block in its coder's order of work. */
function periodOf(codings: readonly Coding[], axis: DriftAxis): Map<Coding, string> {
  const periods = new Map<Coding, string>();
  if (axis === 'week') {
    for (const c of codings) periods.set(c, isoWeek(c.updatedAt));
    return periods;
  }
  const byCoder = new Map<string, Coding[]>();
  for (const c of codings) byCoder.set(c.coderId, [...(byCoder.get(c.coderId) ?? []), c]);
  for (const own of byCoder.values()) {
    own.sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0));
    own.forEach((c, rank) => periods.set(c, String(1 + Math.floor(rank / ORDER_BLOCK))));
  }
  return periods;
}

const periodOrder = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/**
 * Krippendorff's α of one variable per period — at its level, with the 95 % bootstrap interval
 * for single choice and ordinal, set-level α (MASI) for multiple choice — over the units whose
 * last coding falls in the period (a unit is complete when its last coder has coded it).
 */
export function alphaDrift(
  codings: readonly Coding[],
  variable: Variable,
  axis: DriftAxis,
  bootstrap = { samples: 200, seed: 1 },
): DriftPoint[] {
  const answers = codings.filter((c) => c.variableId === variable.id && hasAnswer(c));
  const periods = periodOf(answers, axis);
  const units = new Map<string, Coding[]>();
  for (const c of answers) units.set(c.appealId, [...(units.get(c.appealId) ?? []), c]);
  const grouped = new Map<string, Coding[]>();
  for (const unit of units.values()) {
    if (unit.length < 2) continue;
    const period = unit
      .map((c) => periods.get(c)!)
      .sort(periodOrder)
      .at(-1)!;
    grouped.set(period, [...(grouped.get(period) ?? []), ...unit]);
  }
  const categories = variable.categories.map((c) => c.code);
  return [...grouped.keys()].sort(periodOrder).map((period): DriftPoint => {
    const inPeriod = grouped.get(period)!;
    const n = new Set(inPeriod.map((c) => c.appealId)).size;
    if (n < MIN_PERIOD_UNITS) return { period, n, value: null, ci: null, reason: 'too-few-units' };
    if (variable.kind === 'multi') {
      const alpha = multiChoiceReport(codingRows(inPeriod, variable, true).rows, { categories }).setAlpha
        .masi;
      return alpha.value === null
        ? { period, n, value: null, ci: null, reason: 'undefined' }
        : { period, n, value: alpha.value, ci: null };
    }
    const report = agreementReport(codingRows(inPeriod, variable).rows, {
      categories,
      level: variable.kind === 'ordinal' ? 'ordinal' : 'nominal',
      bootstrap: bootstrap.samples,
      seed: bootstrap.seed,
    });
    const alpha = report.krippendorffAlpha.value;
    if (alpha === null) return { period, n, value: null, ci: null, reason: 'undefined' };
    return {
      period,
      n,
      value: alpha,
      ci: 'ci95' in report.alphaBootstrap ? report.alphaBootstrap.ci95 : null,
    };
  });
}

/** Wilson's 95 % interval of a proportion of `n` (Wilson 1927). */
export function wilsonInterval(successes: number, n: number): readonly [number, number] {
  const z = 1.959963984540054;
  const p = successes / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * Each coder's agreement over time on one variable: per period of their own codings, the share of
 * their answers that equal the consensus where the unit is settled, else each other coder's answer
 * (one comparison per other coder), with Wilson's 95 % interval. A coder is `drifting` when their
 * latest drawn period's interval lies wholly below their agreement over all earlier periods.
 */
export function coderDrift(
  codings: readonly Coding[],
  consensus: readonly Consensus[],
  variable: Variable,
  axis: DriftAxis,
): CoderDrift[] {
  const answers = codings.filter((c) => c.variableId === variable.id && hasAnswer(c));
  const periods = periodOf(answers, axis);
  const settled = new Map(
    consensus.filter((c) => c.variableId === variable.id).map((c) => [c.appealId, answerKey(c)]),
  );
  const units = new Map<string, Coding[]>();
  for (const c of answers) units.set(c.appealId, [...(units.get(c.appealId) ?? []), c]);
  const tallies = new Map<string, Map<string, { agree: number; n: number }>>();
  for (const c of answers) {
    const reference = settled.get(c.appealId);
    const others = units.get(c.appealId)!.filter((o) => o !== c);
    const comparisons = reference !== undefined ? [reference] : others.map(answerKey);
    if (comparisons.length === 0) continue;
    const own = answerKey(c);
    let coder = tallies.get(c.coderId);
    if (!coder) tallies.set(c.coderId, (coder = new Map()));
    const period = periods.get(c)!;
    const tally = coder.get(period) ?? { agree: 0, n: 0 };
    tally.agree += comparisons.filter((key) => key === own).length;
    tally.n += comparisons.length;
    coder.set(period, tally);
  }
  return [...tallies.keys()].sort().map((coderId) => {
    const byPeriod = tallies.get(coderId)!;
    const points = [...byPeriod.keys()].sort(periodOrder).map((period): DriftPoint => {
      const { agree, n } = byPeriod.get(period)!;
      return n < MIN_PERIOD_UNITS
        ? { period, n, value: null, ci: null, reason: 'too-few-units' }
        : { period, n, value: agree / n, ci: wilsonInterval(agree, n) };
    });
    const drawn = points.filter((p) => p.value !== null);
    const latest = drawn.at(-1);
    let drifting = false;
    if (latest && drawn.length >= 2) {
      let agree = 0;
      let n = 0;
      for (const p of drawn.slice(0, -1)) {
        agree += byPeriod.get(p.period)!.agree;
        n += p.n;
      }
      drifting = latest.ci![1] < agree / n;
    }
    return { coderId, points, drifting };
  });
}
