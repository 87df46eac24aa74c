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
    partialize: ({ language, screen, role, coderId, projectId, positions, packagePlans, requiredMode }) => ({
      language,
      screen,
      role,
      coderId,
      projectId,
      positions,
      packagePlans,
      requiredMode,
    }),
  }),
);

export { SCREENS, screensFor, type Role, type Screen } from './uiSlice.ts';
export type { PackagePlan } from './sessionSlice.ts';
