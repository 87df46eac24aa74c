import type { StateCreator } from 'zustand';
import type { Lang } from '../../shared/model/index.ts';
import type { AppState } from './index.ts';

export const SCREENS = [
  'projects',
  'overview',
  'import',
  'codebook',
  'packages',
  'coding',
  'coders',
  'agreement',
  'adjudication',
  'tables',
  'export',
  'settings',
] as const;
export type Screen = (typeof SCREENS)[number];

/** Who uses this profile: the supervisor runs the study; a coder codes a package and sends the file back. */
export type Role = 'supervisor' | 'coder';

/**
 * The screens a coder works in (Import opens the next package); the supervisor's screens stay
 * out of their way.
 */
const CODER_SCREENS: readonly Screen[] = ['projects', 'overview', 'import', 'coding', 'settings'];

export const screensFor = (role: Role): readonly Screen[] => (role === 'coder' ? CODER_SCREENS : SCREENS);

export interface UiSlice {
  language: Lang | null;
  screen: Screen;
  role: Role;
  setLanguage: (language: Lang) => void;
  go: (screen: Screen) => void;
  setRole: (role: Role) => void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  language: null,
  screen: 'projects',
  setLanguage: (language) => set({ language }),
  role: 'supervisor',
  go: (screen) => set({ screen }),
  setRole: (role) => set({ role }),
});
