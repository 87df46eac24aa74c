import { useEffect, useState } from 'react';
import { contentOf, isChanged } from '../../../shared/codebook/index.ts';
import { codebookContentSchema } from '../../../shared/formats/codebookFile.ts';
import type { Codebook, CodebookContent } from '../../../shared/model/index.ts';

const key = (codebook: Codebook) =>
  `kodtau-codebook-draft/${codebook.projectId}/${codebook.version}/${codebook.hash}`;

/** The draft kept for this saved version, if one was left unsaved (and still reads as a codebook). */
function storedDraft(codebook: Codebook): CodebookContent | undefined {
  try {
    const parsed = codebookContentSchema.safeParse(JSON.parse(localStorage.getItem(key(codebook)) ?? 'null'));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The editor's draft of the next version. Unsaved edits are kept in localStorage under the
 * saved version they started from, so leaving the screen, reloading or closing the app loses
 * none of a supervisor's work; a saved or discarded draft is removed. The codebook itself only
 * changes when a draft is saved (IndexedDB).
 */
export function useCodebookDraft(codebook: Codebook) {
  const [draft, setDraft] = useState<CodebookContent>(() => storedDraft(codebook) ?? contentOf(codebook));
  useEffect(() => {
    if (isChanged(codebook, draft)) localStorage.setItem(key(codebook), JSON.stringify(draft));
    else localStorage.removeItem(key(codebook));
  }, [codebook, draft]);
  return [draft, setDraft] as const;
}

/** Forgets the draft of a version once it is saved. */
export function forgetDraft(codebook: Codebook): void {
  localStorage.removeItem(key(codebook));
}
