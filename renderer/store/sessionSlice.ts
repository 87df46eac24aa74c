import type { StateCreator } from 'zustand';
import type { AppState } from './index.ts';

export interface SessionSlice {
  /** The coder using this laptop; their name lives in the `coders` table. */
  coderId: string | null;
  projectId: string | null;
  /** Position on the coding screen per `${projectId}/${coderId}`, as a source order. */
  positions: Record<string, number>;
  signIn: (coderId: string) => void;
  openProject: (projectId: string | null) => void;
  rememberPosition: (projectId: string, coderId: string, order: number) => void;
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  coderId: null,
  projectId: null,
  positions: {},
  signIn: (coderId) => set({ coderId }),
  openProject: (projectId) => set({ projectId }),
  rememberPosition: (projectId, coderId, order) =>
    set((state) => ({ positions: { ...state.positions, [`${projectId}/${coderId}`]: order } })),
});
