import { z } from 'zod';
import type { CodebookProblem } from '../codebook/validateCodebook.ts';
import { categoryMergeSchema, variableSchema, type CodebookContent } from '../model/index.ts';

/**
 * What the codebook readers (Kodtau JSON and REFI-QDA .qdc) share: the size limit, the typed
 * problems the UI and the CLI word for the user, and the result with its notes for the preview.
 */

/**
 * The largest codebook text read, in characters. The demo codebook (4 variables, 37
 * categories, three languages) is about 40 000; a 5 MB file is refused before it is parsed.
 */
export const MAX_CODEBOOK_CHARS = 2_000_000;

export type CodebookFileProblem =
  | { code: 'too-large'; chars: number }
  | { code: 'not-json'; detail: string }
  | { code: 'not-xml'; detail: string }
  | { code: 'xml-doctype' }
  | { code: 'too-deep'; limit: number }
  | { code: 'not-codebook' }
  | { code: 'newer-version'; version: number }
  | { code: 'invalid'; detail: string }
  | { code: 'damaged' }
  | { code: 'empty' }
  | { code: 'package'; reason: string }
  | { code: 'no-codebook' }
  | { code: 'problems'; problems: CodebookProblem[] };

export class CodebookFileError extends Error {
  constructor(readonly problem: CodebookFileProblem) {
    super('detail' in problem ? `${problem.code}: ${problem.detail}` : problem.code);
    this.name = 'CodebookFileError';
  }
}

/** A note for the import preview or the export report: what was adapted or could not be carried. */
export type CodebookNote =
  | { code: 'flattened'; count: number }
  | { code: 'ungrouped'; count: number }
  | { code: 'sets'; count: number }
  | { code: 'codes-generated'; count: number }
  | { code: 'merges-lost'; count: number };

export interface ReadCodebook {
  content: CodebookContent;
  notes: CodebookNote[];
  /** The version the file says it was, when it says (Kodtau JSON). */
  version?: number;
}

/** The content of a codebook as files carry it, validated on the way in. */
export const codebookContentSchema = z.object({
  variables: z.array(variableSchema),
  merges: z.array(categoryMergeSchema).default([]),
});

export function checkSize(text: string): void {
  if (text.length > MAX_CODEBOOK_CHARS)
    throw new CodebookFileError({ code: 'too-large', chars: text.length });
}

/** A zod error in one line: the first issue and where it is. */
export function zodDetail(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : error.message;
}
