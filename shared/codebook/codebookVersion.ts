import { codebookHash, type Codebook, type CodebookContent } from '../model/index.ts';

/** The content of a codebook, as a draft the editor can change. */
export function contentOf(codebook: CodebookContent): CodebookContent {
  return { variables: codebook.variables, merges: codebook.merges };
}

/** Whether a draft differs from the saved codebook (by content hash, so key order is irrelevant). */
export function isChanged(saved: Codebook, draft: CodebookContent): boolean {
  return codebookHash(draft) !== saved.hash;
}

/** The version after `previous`: number + 1, the hash of the new content, the time of saving. */
export function nextCodebookVersion(previous: Codebook, content: CodebookContent, now: Date): Codebook {
  return {
    projectId: previous.projectId,
    version: previous.version + 1,
    hash: codebookHash(content),
    variables: content.variables,
    merges: content.merges,
    updatedAt: now.toISOString(),
  };
}
