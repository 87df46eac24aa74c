import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { createCodingSlice, type CodingSlice } from './codingSlice.ts';
import { createSessionSlice, type SessionSlice } from './sessionSlice.ts';
import { createUiSlice, type UiSlice } from './uiSlice.ts';

/** UI and session state only; the data lives in IndexedDB (renderer/db). */
export type AppState = UiSlice & SessionSlice & CodingSlice;

export const useAppStore = create<AppState>()(
  persist((...a) => ({ ...createUiSlice(...a), ...createSessionSlice(...a), ...createCodingSlice(...a) }), {
    name: 'kodtau-session',
    version: 1,
    partialize: ({ language, screen, coderId, projectId, positions, requiredMode }) => ({
      language,
      screen,
      coderId,
      projectId,
      positions,
      requiredMode,
    }),
  }),
);

export { SCREENS, type Screen } from './uiSlice.ts';
