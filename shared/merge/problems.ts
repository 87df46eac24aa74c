import type { CoderFileProblem } from '../formats/coderFile.ts';

/** Why a coder file was refused; nothing of a refused file is merged. */
export type MergeProblem =
  | CoderFileProblem
  | { code: 'other-project'; projectId: string }
  | { code: 'unknown-codebook'; version: number; hash: string }
  | { code: 'unknown-appeal'; appealId: string }
  | { code: 'unknown-variable'; variableId: string }
  | { code: 'unknown-category'; variableId: string; category: string };

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
  }
}
