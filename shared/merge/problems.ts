import type { CoderFileProblem } from '../formats/coderFile.ts';

/** Why a coder file was refused; nothing of a refused file is merged. */
export type MergeProblem =
  | CoderFileProblem
  | { code: 'other-project'; projectId: string }
  | { code: 'unknown-codebook'; version: number; hash: string }
  | { code: 'unknown-appeal'; appealId: string }
  | { code: 'unknown-variable'; variableId: string }
  | { code: 'unknown-category'; variableId: string; category: string }
  | { code: 'duplicate-coding'; appealId: string; variableId: string }
  | { code: 'unknown-codebook-version'; appealId: string; variableId: string; version: number }
  | { code: 'several-values'; appealId: string; variableId: string; values: string[] }
  | { code: 'text-on-choice'; appealId: string; variableId: string }
  | { code: 'values-on-text'; appealId: string; variableId: string; values: string[] }
  | { code: 'empty-answer'; appealId: string; variableId: string }
  /** An edit more than a day after the merging computer's clock (`now`); times are ISO 8601. */
  | { code: 'future-edit'; appealId: string; variableId: string; updatedAt: string; now: string }
  | { code: 'future-export'; exportedAt: string; now: string };

/**
 * English text of each problem, for the command line; the UI has the same under
 * `coders.problem.<code>` in each language.
 */
export function problemText(problem: MergeProblem): string {
  switch (problem.code) {
    case 'not-json':
      return 'not a readable JSON file (damaged or of another kind)';
    case 'not-coder-file':
      return 'not a Kodtau coder file';
    case 'newer-version':
      return `written by a newer Kodtau (coder file format version ${problem.version}); update Kodtau to read it`;
    case 'invalid':
      return `the coder file is incomplete or malformed (${problem.detail})`;
    case 'damaged':
      return 'the integrity check failed: the file was changed or damaged after export';
    case 'other-project':
      return `the file belongs to another project (${problem.projectId})`;
    case 'unknown-codebook':
      return `coded under a codebook this project does not know (version ${problem.version}, hash ${problem.hash.slice(0, 12)}…); send the coder the current project package`;
    case 'unknown-appeal':
      return `codes appeal "${problem.appealId}", which is not in this project`;
    case 'unknown-variable':
      return `codes variable "${problem.variableId}", which is not in the codebook`;
    case 'unknown-category':
      return `uses category "${problem.category}" of variable "${problem.variableId}", which is not in the codebook`;
    case 'duplicate-coding':
      return `codes variable "${problem.variableId}" of appeal "${problem.appealId}" twice`;
    case 'unknown-codebook-version':
      return `codes variable "${problem.variableId}" of appeal "${problem.appealId}" under codebook version ${problem.version}, which this project never had`;
    case 'several-values':
      return `gives variable "${problem.variableId}" of appeal "${problem.appealId}" several categories (${problem.values.join(', ')}), but it takes one`;
    case 'text-on-choice':
      return `gives variable "${problem.variableId}" of appeal "${problem.appealId}" a free text, but it is a choice of categories`;
    case 'values-on-text':
      return `gives free-text variable "${problem.variableId}" of appeal "${problem.appealId}" categories (${problem.values.join(', ')})`;
    case 'empty-answer':
      return `answers variable "${problem.variableId}" of appeal "${problem.appealId}" with "none of these" (no category, no text), which only a multiple-choice variable with categories allows`;
    case 'future-edit':
      return `variable "${problem.variableId}" of appeal "${problem.appealId}" was edited at ${problem.updatedAt}, more than a day ahead of this computer's time (${problem.now}); one of the two computers' clocks is wrong: check the coder's computer and this one`;
    case 'future-export':
      return `the file was exported at ${problem.exportedAt}, more than a day ahead of this computer's time (${problem.now}); one of the two computers' clocks is wrong: check the coder's computer and this one`;
  }
}
