import type { StateCreator } from 'zustand';
import type { AppState } from './index.ts';

/** Which appeals the coding screen walks through. Empty strings mean "any". */
export interface CodingFilter {
  status: 'all' | 'uncoded' | 'unsure' | 'notes';
  region: string;
  addressee: string;
  /** ISO days (yyyy-mm-dd), inclusive. */
  dateFrom: string;
  dateTo: string;
  /** Text search; its hits are highlighted in the appeal. */
  query: string;
}

export const NO_FILTER: CodingFilter = {
  status: 'all',
  region: '',
  addressee: '',
  dateFrom: '',
  dateTo: '',
  query: '',
};

export const isFiltered = (filter: CodingFilter) =>
  (Object.keys(NO_FILTER) as (keyof CodingFilter)[]).some((key) => filter[key] !== NO_FILTER[key]);

/** What happens when the coder leaves an appeal with a required variable empty. */
export type RequiredMode = 'warn' | 'block';

export interface CodingSlice {
  codingFilter: CodingFilter;
  /** Kept on this laptop, like the language: a team agrees on it, each coder sets it once. */
  requiredMode: RequiredMode;
  /** The supervisor's read-only view of another coder's codings; null shows one's own (blind coding). */
  viewCoderId: string | null;
  setCodingFilter: (change: Partial<CodingFilter>) => void;
  setRequiredMode: (mode: RequiredMode) => void;
  viewCodingsOf: (coderId: string | null) => void;
}

export const createCodingSlice: StateCreator<AppState, [], [], CodingSlice> = (set) => ({
  codingFilter: NO_FILTER,
  requiredMode: 'warn',
  viewCoderId: null,
  setCodingFilter: (change) => set((state) => ({ codingFilter: { ...state.codingFilter, ...change } })),
  setRequiredMode: (requiredMode) => set({ requiredMode }),
  viewCodingsOf: (viewCoderId) => set({ viewCoderId }),
});
