import { create } from 'zustand';
import type { PickedFile } from '../../platform/types.ts';

/**
 * Coder files another screen was given (a coder file opened where a package was expected), for
 * the Coders & merge screen to merge when it opens. Session state only, never persisted.
 */
export const useMergeIntent = create<{
  files: readonly PickedFile[] | null;
  request: (files: readonly PickedFile[]) => void;
  clear: () => void;
}>()((set) => ({
  files: null,
  request: (files) => set({ files }),
  clear: () => set({ files: null }),
}));
