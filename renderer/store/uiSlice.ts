import type { StateCreator } from 'zustand';
import type { Lang } from '../../shared/model/index.ts';
import type { AppState } from './index.ts';

export const SCREENS = [
  'projects',
  'import',
  'codebook',
  'coding',
  'coders',
  'agreement',
  'adjudication',
  'tables',
  'export',
  'settings',
] as const;
export type Screen = (typeof SCREENS)[number];

export interface UiSlice {
  language: Lang | null;
  screen: Screen;
  setLanguage: (language: Lang) => void;
  go: (screen: Screen) => void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  language: null,
  screen: 'projects',
  setLanguage: (language) => set({ language }),
  go: (screen) => set({ screen }),
});
