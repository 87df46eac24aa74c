import type { StateCreator } from 'zustand';
import type { AppState } from './index.ts';

export interface SessionSlice {
  /** The coder using this laptop; their name lives in the `coders` table. */
  coderId: string | null;
  projectId: string | null;
  /** Position on the coding screen per `${projectId}/${coderId}`, as a source order. */
  positions: Record<string, number>;
  /**
   * Per project, the seed of the package draw and what the last export made: kept so that the
   * draw can be repeated on a later visit, and so that the overview can say packages went out.
   */
  packagePlans: Record<string, PackagePlan>;
  signIn: (coderId: string) => void;
  openProject: (projectId: string | null) => void;
  rememberPosition: (projectId: string, coderId: string, order: number) => void;
  setPackagePlan: (projectId: string, change: Partial<PackagePlan>) => void;
}

export interface PackagePlan {
  /** Drawn on the first visit to the project's packages; the supervisor may type another. */
  seed?: string;
  /** Package files saved by the last export, and when. */
  saved?: number;
  savedAt?: string;
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  coderId: null,
  projectId: null,
  positions: {},
  packagePlans: {},
  signIn: (coderId) => set({ coderId }),
  openProject: (projectId) => set({ projectId }),
  rememberPosition: (projectId, coderId, order) =>
    set((state) => ({ positions: { ...state.positions, [`${projectId}/${coderId}`]: order } })),
  setPackagePlan: (projectId, change) =>
    set((state) => ({
      packagePlans: {
        ...state.packagePlans,
        [projectId]: { ...state.packagePlans[projectId], ...change },
      },
    })),
});
