import { agreementReport, type Coefficient } from '../../../shared/agreement/index.ts';
import { answerKey } from '../../../shared/consensus/codingUnits.ts';
import type { TrainingSet } from '../../../shared/merge/trainingSet.ts';
import type { Codebook, Coding, Consensus, Variable } from '../../../shared/model/index.ts';

export interface TrainingMiss {
  appealId: string;
  variable: Variable;
  gold: Consensus;
  given: Coding;
}

export interface TrainingVariable {
  variable: Variable;
  /** Units of the set the coder coded and the consensus settles. */
  units: number;
  agreed: number;
  /** Cohen's κ of the coder against the gold standard (single choice and ordinal). */
  kappa: Coefficient | null;
}

export interface TrainingResult {
  /** Appeals of the set the coder has coded at least one variable of. */
  coded: number;
  variables: TrainingVariable[];
  misses: TrainingMiss[];
}

/**
 * One coder against the gold standard of a training set: per variable, how often their answer
 * equals the consensus (the same set of codes, or the same trimmed text), Cohen's κ (1960) for
 * single-choice and ordinal variables, and every case they answered differently.
 */
export function trainingResult(
  set: TrainingSet,
  codebook: Codebook,
  consensus: readonly Consensus[],
  codings: readonly Coding[],
  coderId: string,
): TrainingResult {
  const inSet = new Set(set.appealIds);
  const gold = new Map(
    consensus.filter((c) => inSet.has(c.appealId)).map((c) => [`${c.appealId}\u0000${c.variableId}`, c]),
  );
  const own = codings.filter((c) => c.coderId === coderId && inSet.has(c.appealId));
  const misses: TrainingMiss[] = [];
  const variables = codebook.variables.map((variable): TrainingVariable => {
    const pairs = own
      .filter((c) => c.variableId === variable.id)
      .map((given) => ({ given, gold: gold.get(`${given.appealId}\u0000${variable.id}`) }))
      .filter((p): p is { given: Coding; gold: Consensus } => p.gold !== undefined)
      .sort((a, b) => a.given.appealId.localeCompare(b.given.appealId));
    let agreed = 0;
    for (const pair of pairs) {
      if (answerKey(pair.given) === answerKey(pair.gold)) agreed += 1;
      else misses.push({ appealId: pair.given.appealId, variable, gold: pair.gold, given: pair.given });
    }
    const kappa =
      pairs.length > 0 && (variable.kind === 'single' || variable.kind === 'ordinal')
        ? agreementReport(
            pairs.map((p) => [p.gold.values[0] ?? null, p.given.values[0] ?? null]),
            { categories: variable.categories.map((c) => c.code) },
          ).cohenKappa
        : null;
    return { variable, units: pairs.length, agreed, kappa };
  });
  return { coded: new Set(own.map((c) => c.appealId)).size, variables, misses };
}
