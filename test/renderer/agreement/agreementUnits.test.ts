import { describe, expect, it } from 'vitest';
import { AnswerBlockBuilder } from '../../../renderer/db/answerBlocks.ts';
import {
  ALL,
  subsetCodings,
  variableFigures,
  type Subset,
} from '../../../renderer/features/agreement/agreementFigures.ts';
import {
  decodeBlocks,
  subsetUnits,
  unitFigures,
  unitRows,
} from '../../../renderer/features/agreement/agreementUnits.ts';
import { demoVariables } from '../../../shared/demo/codebook.ts';
import type { Coding, Variable } from '../../../shared/model/index.ts';

// Small data with the edge cases of missing data: a single-choice answer without a code (a
// missing value that still makes its appeal a unit), the code '' (missing), "none of these" on
// multiple choice (a value), a coder who coded only a few appeals, appeals only one coder coded,
// a cleared coding (not an answer), and appeal ids whose blocks do not follow their order.
const variables = demoVariables().filter((v) => v.kind !== 'text');
const dates = new Map<string, string>();
let seed = 11;
const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;

function makeCodings(variable: Variable): Coding[] {
  const codes = variable.categories.map((c) => c.code);
  const out: Coding[] = [];
  for (let a = 0; a < 240; a++) {
    const appealId = `x${(a * 7919) % 1000}`;
    dates.set(appealId, `2019-0${1 + (a % 9)}-1${a % 10}T10:00:00`);
    const common = codes[Math.floor(random() * codes.length)]!;
    for (const coderId of ['b', 'a', 'c', 'd']) {
      if (coderId === 'c' && a % 3 !== 0) continue;
      if (coderId === 'd' && a > 5) continue;
      if (coderId === 'b' && a % 11 === 0) continue;
      let values: string[] = random() < 0.75 ? [common] : [codes[Math.floor(random() * codes.length)]!];
      if (a % 17 === 0) values = [];
      if (a % 23 === 0 && variable.kind !== 'multi') values = [''];
      if (variable.kind === 'multi' && a % 5 === 0) values = [...values, codes[0]!];
      out.push({
        projectId: 'p',
        coderId,
        appealId,
        variableId: variable.id,
        values,
        unsure: false,
        updatedAt: '2026-01-01T00:00:00.000Z',
        codebookVersion: 1,
        ...(a % 29 === 0 && coderId === 'a' ? { cleared: true as const } : {}),
      });
    }
  }
  return out;
}

/** The worker's figures and matrix for `codings`, from the blocks they make. */
function viaUnits(variable: Variable, codings: readonly Coding[], subset: Subset) {
  const builder = new AnswerBlockBuilder();
  for (const coding of codings) builder.add(coding);
  const units = subsetUnits(decodeBlocks(builder.build()), dates, subset);
  const { figures, units: used } = unitFigures(variable, units, subset.overlapOnly);
  return { ...figures, rows: unitRows(variable, used) };
}

describe('agreement units (the worker’s layout of the answer blocks)', () => {
  const subsets: Subset[] = [
    ALL,
    { ...ALL, overlapOnly: true },
    { coders: ['a', 'b'], from: '', to: '', overlapOnly: true },
    { coders: ['c', 'd'], from: '2019-03-01', to: '2019-07-31', overlapOnly: false },
    { coders: ['a'], from: '', to: '', overlapOnly: false },
    { coders: ['d'], from: '2019-08-01', to: '', overlapOnly: false },
    { coders: ['zz'], from: '', to: '', overlapOnly: false },
  ];
  it.each(subsets)('give every variable the figures and matrix of the codings, on subset %j', (subset) => {
    for (const variable of variables) {
      const codings = makeCodings(variable);
      const expected = variableFigures(
        variable,
        subsetCodings(
          codings.filter((c) => !c.cleared),
          dates,
          subset,
        ),
        subset.overlapOnly,
        false,
      );
      expect(viaUnits(variable, codings, subset)).toEqual(expected);
    }
  });

  it('refuse a code that is not a category, with the message the engine gives', () => {
    for (const variable of variables) {
      const codings = makeCodings(variable);
      codings[40] = { ...codings[40]!, values: ['no-such-code'], cleared: undefined } as Coding;
      const answers = codings.filter((c) => !c.cleared);
      const expected = () => variableFigures(variable, answers, false, false);
      expect(expected).toThrow(RangeError);
      let message = '';
      try {
        expected();
      } catch (error) {
        message = (error as Error).message;
      }
      expect(() => viaUnits(variable, codings, ALL)).toThrow(message);
    }
  });
});
