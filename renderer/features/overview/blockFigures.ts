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

/**
 * The overview's figures (see `studyProgress`) from the answer blocks and the settled units,
 * without a coding row: per unit, whether its coders' answers agree is read off the block's
 * distinct answers, each compared once.
 */
export function blockProgress(
  blocks: readonly AnswerBlock[],
  settled: readonly SettledUnit[],
): StudyProgress {
  const isSettled = new Set(settled.map(([appealId, variableId]) => `${appealId}\u0000${variableId}`));
  const withValue = new Set(settled.map(([appealId]) => appealId));
  const unresolved = new Set<string>();
  const coders = new Set<string>();
  /** appeal → its one coder so far, or null once a second coder answered it. */
  const coderOf = new Map<string, string | null>();
  let disagreements = 0;
  for (const block of blocks) {
    const { cells } = block;
    const keys = block.answers.map((json) => answerKey(decode(json)));
    for (const coder of block.coders) coders.add(coder);
    eachAppeal(block, (appealId, first, end) => {
      let same = true;
      for (let i = first; i < end; i += 3) {
        const coder = block.coders[cells[i + 1]!]!;
        const known = coderOf.get(appealId);
        if (known === undefined) coderOf.set(appealId, coder);
        else if (known !== null && known !== coder) coderOf.set(appealId, null);
        if (keys[cells[i + 2]!] !== keys[cells[first + 2]!]) same = false;
      }
      if (isSettled.has(`${appealId}\u0000${block.variableId}`)) return;
      if (same) withValue.add(appealId);
      else {
        disagreements += 1;
        unresolved.add(appealId);
      }
    });
  }
  let doubleCoded = 0;
  for (const coder of coderOf.values()) if (coder === null) doubleCoded += 1;
  let finalAppeals = 0;
  for (const appealId of withValue) if (!unresolved.has(appealId)) finalAppeals += 1;
  return {
    coders: coders.size,
    doubleCoded,
    disagreements,
    unresolvedAppeals: unresolved.size,
    finalAppeals,
  };
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
