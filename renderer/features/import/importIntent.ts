import { create } from 'zustand';
import type { PickedFile } from '../../platform/types.ts';

/**
 * What the import screen should do when it opens: a menu command, a button on the projects
 * screen, or a file dropped anywhere in the window. Session state only, never persisted.
 */
export type ImportIntent =
  | { kind: 'importAppeals'; newProject: boolean }
  | { kind: 'openPackage' }
  | { kind: 'dropped'; file: PickedFile };

export const useImportIntent = create<{
  intent: ImportIntent | null;
  request: (intent: ImportIntent) => void;
  clear: () => void;
}>()((set) => ({
  intent: null,
  request: (intent) => set({ intent }),
  clear: () => set({ intent: null }),
}));
