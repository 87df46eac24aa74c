import {
  agreementReport,
  indexedMultiChoiceReport,
  indexedReliabilityData,
  type ReliabilityData,
} from '../../../shared/agreement/index.ts';
import type { Variable } from '../../../shared/model/index.ts';
import type { AnswerBlock } from '../../db/answerBlocks.ts';
import { reportFigures, type Subset, type VariableFigures } from './agreementFigures.ts';

/**
 * One variable's answers as the agreement worker keeps them between requests: a units × coders
 * matrix of indices into the variable's distinct answers, units and coders in the code-unit order
 * `codingRows` sorts them in. Decoded once from the answer blocks; every subset is cut from it.
 */
export interface VariableUnits {
  /** Appeal ids, in code-unit order. */
  appeals: string[];
  /** Coder ids, in code-unit order. */
  coders: string[];
  /** The distinct answers' values. */
  answers: string[][];
  /** Unit-major: `cells[unit * coders.length + coder]` indexes `answers`, or is -1 (not coded). */
  cells: Int32Array;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The answers the blocks of one variable hold (a cleared coding is not in them), as `VariableUnits`. */
export function decodeBlocks(blocks: readonly AnswerBlock[]): VariableUnits {
  const coders = [...new Set(blocks.flatMap((b) => b.coders))].sort(byCodeUnit);
  const coderIndex = new Map(coders.map((id, i) => [id, i]));
  const ids = blocks.flatMap((b) => b.appeals);
  const order = Int32Array.from(ids, (_, i) => i).sort((a, b) => byCodeUnit(ids[a]!, ids[b]!));
  const rank = new Int32Array(ids.length);
  order.forEach((at, r) => (rank[at] = r));
  const answerIndex = new Map<string, number>();
  const width = coders.length;
  const cells = new Int32Array(ids.length * width).fill(-1);
  let offset = 0;
  for (const block of blocks) {
    const columns = block.coders.map((id) => coderIndex.get(id)!);
    const answers = block.answers.map((json) => {
      let index = answerIndex.get(json);
      if (index === undefined) answerIndex.set(json, (index = answerIndex.size));
      return index;
    });
    const { cells: triples } = block;
    for (let i = 0; i < triples.length; i += 3)
      cells[rank[offset + triples[i]!]! * width + columns[triples[i + 1]!]!] = answers[triples[i + 2]!]!;
    offset += block.appeals.length;
  }
  return {
    appeals: Array.from(order, (at) => ids[at]!),
    coders,
    answers: [...answerIndex.keys()].map((json) => (JSON.parse(json) as [string[]])[0]),
    cells,
  };
}

/**
 * The units of a subset, as `subsetCodings` then `codingRows` lay them out: the chosen coders
 * (all when none is chosen), appeals whose date (metadata `date`, `dates`) is in the range; an
 * appeal or coder without an answer among them is left out.
 */
export function subsetUnits(
  all: VariableUnits,
  dates: ReadonlyMap<string, string>,
  subset: Subset,
): VariableUnits {
  const width = all.coders.length;
  const chosen = all.coders.flatMap((id, c) =>
    subset.coders.length === 0 || subset.coders.includes(id) ? [c] : [],
  );
  const ranged = !!subset.from || !!subset.to;
  const inRange = (appealId: string) => {
    const date = dates.get(appealId)?.slice(0, 10) ?? '';
    return !!date && (!subset.from || date >= subset.from) && (!subset.to || date <= subset.to);
  };
  const used = new Uint8Array(width);
  const units: number[] = [];
  for (let u = 0; u < all.appeals.length; u++) {
    if (ranged && !inRange(all.appeals[u]!)) continue;
    let any = false;
    for (const c of chosen) {
      if (all.cells[u * width + c]! < 0) continue;
      any = true;
      used[c] = 1;
    }
    if (any) units.push(u);
  }
  const columns = chosen.filter((c) => used[c] === 1);
  const cells = new Int32Array(units.length * columns.length);
  for (let i = 0, at = 0; i < units.length; i++)
    for (const c of columns) cells[at++] = all.cells[units[i]! * width + c]!;
  return {
    appeals: units.map((u) => all.appeals[u]!),
    coders: columns.map((c) => all.coders[c]!),
    answers: all.answers,
    cells,
  };
}

/** The units every coder answered (the overlap sample); `missing(answer)` tells an answer that counts as none. */
function overlap(units: VariableUnits, missing: (answer: number) => boolean): VariableUnits {
  const width = units.coders.length;
  const keep: number[] = [];
  for (let u = 0; u < units.appeals.length; u++) {
    let all = true;
    for (let c = 0; c < width && all; c++) all = !missing(units.cells[u * width + c]!);
    if (all) keep.push(u);
  }
  const cells = new Int32Array(keep.length * width);
  keep.forEach((u, i) => cells.set(units.cells.subarray(u * width, (u + 1) * width), i * width));
  return { ...units, appeals: keep.map((u) => units.appeals[u]!), cells };
}

/** A variable's figures on a subset's units, and what the interval and the detail are computed from. */
export interface UnitFigures {
  figures: Omit<VariableFigures, 'rows'>;
  /** The units the figures were computed on (after the overlap filter). */
  units: VariableUnits;
  /** Single choice and ordinal: the engine's input, for the bootstrap. */
  data: ReliabilityData | null;
}

/**
 * Every point estimate of one variable on `units`, as `pointFigures` computes them from the same
 * codings: the engine gets the very matrix `codingRows` would give it, made from indices.
 * Single choice and ordinal: an answer's first code ('' or none is a missing value); multiple
 * choice: the set of codes (empty = "none of these", a value).
 *
 * @throws {RangeError} when an answer holds a code that is not among the variable's categories.
 */
export function unitFigures(variable: Variable, subset: VariableUnits, overlapOnly: boolean): UnitFigures {
  const categories = variable.categories.map((c) => c.code);
  const base = { variable, ci: null, percent: null, cohen: null, fleiss: null, ac1: null, bp: null };
  if (variable.kind === 'multi') {
    const units = overlapOnly ? overlap(subset, (a) => a < 0) : subset;
    const known = new Set(categories);
    for (const a of usedAnswers(units))
      for (const code of units.answers[a]!)
        if (!known.has(code)) throw new RangeError(`value "${code}" is not a codebook category`);
    const multi = indexedMultiChoiceReport(
      {
        unitCount: units.appeals.length,
        coderCount: units.coders.length,
        cells: units.cells,
        sets: units.answers,
      },
      { categories },
    );
    return {
      figures: {
        ...base,
        units: multi.perCategory[0]?.report.units ?? 0,
        coders: units.coders.length,
        alpha: multi.setAlpha.masi,
        report: null,
        multi,
      },
      units,
      data: null,
    };
  }
  // A cell is the answer's first code; codingRows gives null for none, and the overlap drops it.
  const units = overlapOnly ? overlap(subset, (a) => a < 0 || subset.answers[a]![0] === undefined) : subset;
  const index = new Map(categories.map((code, k) => [code, k]));
  const category = Int32Array.from(units.answers, (values) => {
    const code = values[0];
    return code === undefined || code === '' ? -1 : (index.get(code) ?? -2);
  });
  const width = units.coders.length;
  const values = units.cells.map((a) => (a < 0 ? -1 : category[a]!));
  const unknown = values.indexOf(-2);
  if (unknown >= 0) {
    const code = units.answers[units.cells[unknown]!]![0];
    throw new RangeError(
      `unit ${Math.floor(unknown / width) + 1}: value "${code}" is not a codebook category`,
    );
  }
  const data = indexedReliabilityData(values, units.appeals.length, width, categories, true);
  const report = agreementReport(data, { level: variable.kind === 'ordinal' ? 'ordinal' : 'nominal' });
  return {
    figures: {
      ...base,
      ...reportFigures(report),
    },
    units,
    data,
  };
}

/** The answer indices that occur in the units' cells, in the order they first occur. */
function usedAnswers(units: VariableUnits): number[] {
  const seen = new Uint8Array(units.answers.length);
  const used: number[] = [];
  for (const a of units.cells) {
    if (a < 0 || seen[a] === 1) continue;
    seen[a] = 1;
    used.push(a);
  }
  return used;
}

/** The units as `codingRows` gives them (one row per appeal, a cell per coder), for the detail. */
export function unitRows(variable: Variable, units: VariableUnits): VariableFigures['rows'] {
  const width = units.coders.length;
  const multi = variable.kind === 'multi';
  const rows = units.appeals.map((_, u) =>
    units.coders.map((__, c) => {
      const a = units.cells[u * width + c]!;
      if (a < 0) return null;
      return multi ? [...units.answers[a]!] : (units.answers[a]![0] ?? null);
    }),
  );
  return { coders: units.coders, appeals: units.appeals, rows } as VariableFigures['rows'];
}
