import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { createSessionSlice, type SessionSlice } from './sessionSlice.ts';
import { createUiSlice, type UiSlice } from './uiSlice.ts';

/** UI and session state only; the data lives in IndexedDB (renderer/db). */
export type AppState = UiSlice & SessionSlice;

export const useAppStore = create<AppState>()(
  persist((...a) => ({ ...createUiSlice(...a), ...createSessionSlice(...a) }), {
    name: 'kodtau-session',
    version: 1,
    partialize: ({ language, screen, coderId, projectId, positions }) => ({
      language,
      screen,
      coderId,
      projectId,
      positions,
    }),
  }),
);

export { SCREENS, type Screen } from './uiSlice.ts';
