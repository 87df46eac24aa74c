import type { Codebook, Project } from '../../../shared/model/index.ts';
import type { FinalAppealSummary } from '../../../shared/tables/finalAppealCounts.ts';
import type { FileRequest, FileResult } from '../export/datasetFile.ts';
import type { DataVersion, DatasetOverview, DatasetProgress, DatasetSource } from './datasetSource.ts';
import type { TableFigures, TableQuery } from './tableFigures.ts';

/** What the Tables and Export screens ask of the dataset worker. */
export type DatasetCall =
  | { kind: 'overview'; version: DataVersion }
  | { kind: 'table'; version: DataVersion; codebook: Codebook; query: TableQuery }
  | { kind: 'final'; version: DataVersion; codebook: Codebook }
  | { kind: 'prefetch'; version: DataVersion; codebook: Codebook; texts: boolean }
  | { kind: 'file'; version: DataVersion; project: Project; codebook: Codebook; request: FileRequest };

/**
 * A file as the screens get it: from the worker its bytes in a Blob (made there, handed over
 * without a copy on the UI thread), where there is no worker the bytes themselves.
 */
export type WrittenFile = Omit<FileResult, 'bytes'> & { bytes: Uint8Array<ArrayBuffer> | Blob };

/** The answer to each kind of call. */
export interface DatasetResults {
  overview: DatasetOverview;
  table: TableFigures;
  final: FinalAppealSummary;
  prefetch: null;
  file: WrittenFile;
}

export type WorkerRequest = { id: number; call: DatasetCall } | { id: number; cancel: true };
export type WorkerReply =
  | { id: number; result: DatasetResults[DatasetCall['kind']] }
  | { id: number; progress: DatasetProgress }
  | { id: number; error: string };

/** Thrown into a call that was cancelled, at its next step. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** Answers one call with the source; `progress` gets each step (and throws `Cancelled` to stop). */
export async function answer(
  source: DatasetSource,
  call: DatasetCall,
  progress: (p: DatasetProgress) => void,
): Promise<DatasetResults[DatasetCall['kind']]> {
  switch (call.kind) {
    case 'overview':
      return source.overview(call.version);
    case 'table':
      return source.table(call.version, call.codebook, call.query);
    case 'final':
      return source.finalCounts(call.version, call.codebook);
    case 'prefetch':
      await source.prefetch(call.version, call.codebook, call.texts);
      return null;
    case 'file':
      return source.file(call.version, call.project, call.codebook, call.request, progress);
  }
}
