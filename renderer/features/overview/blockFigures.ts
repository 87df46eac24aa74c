import { answerKey } from '../../../shared/consensus/codingUnits.ts';
import type { StudyProgress } from '../../../shared/tables/studyProgress.ts';
import type { AnswerBlock } from '../../db/answerBlocks.ts';

/** variable id → category code → how many answers (and consensus values) hold it; `''` counts the rows. */
export type UsageCounts = Map<string, Map<string, number>>;

/** A settled unit: the appeal and variable of a consensus value. */
export type SettledUnit = readonly [appealId: string, variableId: string];

const decode = (json: string) => {
  const [values, text] = JSON.parse(json) as [string[], string?];
  return text === undefined ? { values } : { values, text };
};

/** Calls `run(first, end)` for each appeal's stretch of a block's cells (they are sorted by appeal). */
function eachAppeal(block: AnswerBlock, run: (appealId: string, first: number, end: number) => void) {
  const { cells } = block;
  for (let first = 0; first < cells.length;) {
    let end = first + 3;
    while (end < cells.length && cells[end] === cells[first]) end += 3;
    run(block.appeals[cells[first]!]!, first, end);
    first = end;
  }
}

const NO_CODER = -1;
const TWO_CODERS = -2;
const WITH_VALUE = 1;
const UNRESOLVED = 2;

/**
 * The overview's figures (see `studyProgress`) from the answer blocks and the settled units,
 * without a coding row: per unit, whether its coders' answers agree is read off the block's
 * distinct answers, each compared once; per appeal, its coders and state are numbers in arrays.
 */
export function blockProgress(
  blocks: readonly AnswerBlock[],
  settled: readonly SettledUnit[],
): StudyProgress {
  const appealIndex = new Map<string, number>();
  /** Per appeal (by index): its one coder so far, NO_CODER, or TWO_CODERS once a second one answered. */
  const coderOf: number[] = [];
  /** Per appeal: WITH_VALUE and UNRESOLVED bits. */
  const state: number[] = [];
  const indexOf = (appealId: string) => {
    let index = appealIndex.get(appealId);
    if (index === undefined) {
      appealIndex.set(appealId, (index = appealIndex.size));
      coderOf.push(NO_CODER);
      state.push(0);
    }
    return index;
  };
  const settledOf = new Map<string, Set<string>>();
  for (const [appealId, variableId] of settled) {
    let of = settledOf.get(variableId);
    if (!of) settledOf.set(variableId, (of = new Set()));
    of.add(appealId);
    state[indexOf(appealId)]! |= WITH_VALUE;
  }
  const coderIndex = new Map<string, number>();
  let disagreements = 0;
  for (const block of blocks) {
    const { cells } = block;
    const coders = block.coders.map((id) => {
      let index = coderIndex.get(id);
      if (index === undefined) coderIndex.set(id, (index = coderIndex.size));
      return index;
    });
    // Answers that differ only in the order of their codes or in spaces around a text are one.
    const keyIds = new Map<string, number>();
    const keys = block.answers.map((json) => {
      const key = answerKey(decode(json));
      let id = keyIds.get(key);
      if (id === undefined) keyIds.set(key, (id = keyIds.size));
      return id;
    });
    const settledHere = settledOf.get(block.variableId);
    eachAppeal(block, (appealId, first, end) => {
      const appeal = indexOf(appealId);
      const key = keys[cells[first + 2]!];
      let same = true;
      for (let i = first; i < end; i += 3) {
        const coder = coders[cells[i + 1]!]!;
        const known = coderOf[appeal]!;
        if (known === NO_CODER) coderOf[appeal] = coder;
        else if (known !== coder) coderOf[appeal] = TWO_CODERS;
        if (keys[cells[i + 2]!] !== key) same = false;
      }
      if (settledHere?.has(appealId)) return;
      if (same) state[appeal]! |= WITH_VALUE;
      else {
        disagreements += 1;
        state[appeal]! |= UNRESOLVED;
      }
    });
  }
  let doubleCoded = 0;
  let unresolvedAppeals = 0;
  let finalAppeals = 0;
  for (let appeal = 0; appeal < state.length; appeal++) {
    if (coderOf[appeal] === TWO_CODERS) doubleCoded += 1;
    if (state[appeal]! & UNRESOLVED) unresolvedAppeals += 1;
    else if (state[appeal]! & WITH_VALUE) finalAppeals += 1;
  }
  return { coders: coderIndex.size, doubleCoded, disagreements, unresolvedAppeals, finalAppeals };
}

/** Adds one row holding `values` to the counts of `variableId`, `times` times. */
export function addUses(counts: UsageCounts, variableId: string, values: readonly string[], times = 1): void {
  let perCode = counts.get(variableId);
  if (!perCode) counts.set(variableId, (perCode = new Map()));
  perCode.set('', (perCode.get('') ?? 0) + times);
  for (const code of values) perCode.set(code, (perCode.get(code) ?? 0) + times);
}

/** Per variable and category, how many answers the blocks hold with it (each distinct answer decoded once). */
export function blockUses(blocks: readonly AnswerBlock[], counts: UsageCounts = new Map()): UsageCounts {
  for (const block of blocks) {
    const times = new Array<number>(block.answers.length).fill(0);
    for (let i = 2; i < block.cells.length; i += 3) times[block.cells[i]!]! += 1;
    block.answers.forEach((json, index) =>
      addUses(counts, block.variableId, decode(json).values, times[index]),
    );
  }
  return counts;
}

/** How many appeals the coder answered at least one variable of. */
export function appealsAnsweredBy(blocks: readonly AnswerBlock[], coderId: string): number {
  const answered = new Set<string>();
  for (const block of blocks) {
    const coder = block.coders.indexOf(coderId);
    if (coder < 0) continue;
    for (let i = 0; i < block.cells.length; i += 3)
      if (block.cells[i + 1] === coder) answered.add(block.appeals[block.cells[i]!]!);
  }
  return answered.size;
}

/** How many answers the blocks hold: one per coding of the `codings` table. */
export const blockAnswerCount = (blocks: readonly AnswerBlock[]): number =>
  blocks.reduce((sum, block) => sum + block.cells.length / 3, 0);
