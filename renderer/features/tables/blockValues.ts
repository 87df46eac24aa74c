import { answerKey } from '../../../shared/consensus/codingUnits.ts';
import type { Consensus } from '../../../shared/model/index.ts';
import { majorityVote } from '../../../shared/tables/majorityVote.ts';
import type { SourceValue, SourceValues, TableSource } from '../../../shared/tables/tableSource.ts';
import type { AnswerBlock } from '../../db/answerBlocks.ts';

/**
 * A block's distinct answer, decoded once for all the cells that hold it, with the values it
 * gives them (shared: a value is only read).
 */
interface Decoded {
  values: string[];
  /** `answerKey` of it: two distinct encodings can be the same answer (values in another order). */
  key: string;
  /** As one coder's value. */
  value: SourceValue;
  /** As the final dataset's value, when one coder gave it or several agreed on it. */
  single: SourceValue;
  agreed: SourceValue;
}

function decode(block: AnswerBlock): Decoded[] {
  return block.answers.map((json) => {
    const [values, text] = JSON.parse(json) as [string[], string?];
    const value = text === undefined ? { values } : { values, text };
    return {
      values,
      key: answerKey(value),
      value,
      single: { ...value, status: 'single' },
      agreed: { ...value, status: 'agreed' },
    };
  });
}

const consensusValue = (c: Consensus): SourceValue => ({
  values: c.values,
  ...(c.text === undefined ? {} : { text: c.text }),
});

/**
 * A source's values of one variable straight from its answer blocks: what `sourceValues` gives
 * for the blocks' answers (`blockAnswers`) and the variable's consensus, in the same order,
 * without an object per answer. A block's cells run by appeal, then coder (a unit's answers are
 * one run of cells), and each distinct answer is decoded once.
 */
export function blockValues(
  source: TableSource,
  variableId: string,
  blocks: readonly AnswerBlock[],
  consensus: readonly Consensus[],
  multiple: boolean,
): SourceValues {
  const line = new Map<string, SourceValue>();
  const ties: SourceValues['ties'] = [];
  const unresolved: SourceValues['unresolved'] = [];
  const settled = new Map(consensus.map((c) => [c.appealId, c]));
  if (source.kind === 'consensus') for (const c of consensus) line.set(c.appealId, consensusValue(c));
  if (source.kind === 'final')
    for (const c of consensus) line.set(c.appealId, { ...consensusValue(c), status: c.method });
  if (source.kind !== 'consensus')
    for (const block of blocks) {
      const answers = decode(block);
      const { cells } = block;
      const coder = source.kind === 'coder' ? block.coders.indexOf(source.coderId) : -1;
      // The vote on each combination of the block's answers, counted once (most units repeat one).
      // A combination is its answers' indices (plus one) as digits of a number, where every
      // combination of the block's coders fits in one exactly; else a string of them.
      const votes = new Map<number | string, { tied: string[]; value: SourceValue }>();
      const base = answers.length + 1;
      const numeric = base ** block.coders.length < Number.MAX_SAFE_INTEGER;
      // One unit at a time: the cells from `start` to `end` are one appeal's.
      for (let start = 0; start < cells.length;) {
        const appeal = cells[start]!;
        let end = start + 3;
        while (end < cells.length && cells[end] === appeal) end += 3;
        const appealId = block.appeals[appeal]!;
        if (source.kind === 'coder') {
          for (let i = start; i < end; i += 3)
            if (cells[i + 1] === coder) line.set(appealId, answers[cells[i + 2]!]!.value);
        } else if (source.kind === 'final') {
          if (!settled.has(appealId)) {
            const first = cells[start + 2]!;
            let agree = true;
            for (let i = start + 3; i < end && agree; i += 3)
              agree = cells[i + 2] === first || answers[cells[i + 2]!]!.key === answers[first]!.key;
            if (agree)
              line.set(appealId, end - start === 3 ? answers[first]!.single : answers[first]!.agreed);
            else unresolved.push({ appealId, variableId });
          }
        } else {
          let combination: number | string = 0;
          if (numeric)
            for (let i = start; i < end; i += 3) combination = combination * base + cells[i + 2]! + 1;
          else {
            combination = '';
            for (let i = start; i < end; i += 3) combination += `${cells[i + 2]},`;
          }
          let result = votes.get(combination);
          if (!result) {
            const list: string[][] = [];
            for (let i = start; i < end; i += 3) list.push(answers[cells[i + 2]!]!.values);
            const vote = majorityVote(list, multiple);
            votes.set(combination, (result = { tied: vote.tied, value: { values: vote.values } }));
          }
          const adjudicated = settled.get(appealId);
          if (result.tied.length > 0 && adjudicated?.method === 'adjudicated')
            line.set(appealId, consensusValue(adjudicated));
          else {
            if (result.tied.length > 0) ties.push({ appealId, variableId, tied: result.tied });
            line.set(appealId, result.value);
          }
        }
        start = end;
      }
    }
  return { byVariable: line.size > 0 ? new Map([[variableId, line]]) : new Map(), ties, unresolved };
}
