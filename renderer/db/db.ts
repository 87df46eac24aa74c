import { Dexie, type EntityTable, type Table } from 'dexie';
import type {
  Appeal,
  Codebook,
  Coder,
  Coding,
  Consensus,
  ImportRecord,
  Project,
} from '../../shared/model/index.ts';
import type { ReviewFlag } from '../../shared/merge/reviewFlag.ts';
import type { TrainingSet } from '../../shared/merge/trainingSet.ts';
import type { RememberedMapping } from '../../shared/import/columnMapping.ts';
import { CoderEditBuilder, type CoderEdit } from './coderEdits.ts';
import { rebuildAnswerBlocks, type AnswerBlock, type AnswerBlockKey } from './answerBlocks.ts';
import { CodingBlockBuilder, type CodingBlock, type CodingBlockKey } from './codingBlocks.ts';
import { rebuildAppealColumns, type AppealColumnChunk, type AppealColumnKey } from './appealColumns.ts';
import {
  buildAppealBlocks,
  type AppealBlock,
  type AppealBlockKey,
  type AppealCount,
} from './appealBlocks.ts';

/** When a project was last saved to a file, and the Electron daily copy last written. */
export interface BackupRecord {
  projectId: string;
  /** ISO time the supervisor last saved the project file ("Save project file…"). */
  savedAt?: string;
  /** Local day (yyyy-mm-dd) and integrity digest of the last daily copy in the user-data folder. */
  dailyDay?: string;
  dailyDigest?: string;
}

export type CodingKey = [projectId: string, coderId: string, appealId: string, variableId: string];

/**
 * The one database of the renderer. Its origin (app://kodtau in Electron) is fixed for the
 * life of the product. Every schema change adds a `version(n)` with its upgrade; never edit
 * a released version's stores.
 */
export class KodtauDb extends Dexie {
  projects!: EntityTable<Project, 'id'>;
  /** Every appeal, a few hundred of a project to a row (see appealBlocks.ts); written by `addAppeals` only. */
  appealBlocks!: Table<AppealBlock, AppealBlockKey>;
  /** Every version of every codebook is kept: older coder files merge through them. */
  codebooks!: Table<Codebook, [string, number]>;
  coders!: EntityTable<Coder, 'id'>;
  /**
   * Every coding, a coder's codings of one block of appeals to a row (see codingBlocks.ts):
   * answers ("none of these" on a multiple-choice variable is one) and cleared codings
   * (tombstones, `cleared: true`, which coder files and merges carry with their time). Written
   * by `putCodings` only, read through the helpers in queries.ts.
   */
  codingBlocks!: Table<CodingBlock, CodingBlockKey>;
  consensus!: Table<Consensus, [string, string, string]>;
  imports!: EntityTable<ImportRecord, 'id'>;
  /** The column mapping last used for each file layout (its column names), offered again on import. */
  importMappings!: EntityTable<RememberedMapping, 'layout'>;
  /** Settled units a later merge changed a coder's answer on; the supervisor looks again. */
  reviews!: Table<ReviewFlag, [string, string, string]>;
  /** Gold-standard training sets (consensus of chosen appeals). */
  trainingSets!: Table<TrainingSet, [string, string]>;
  /** Per project: when it was last saved to a project file (the reminder) and the daily copy. */
  backups!: EntityTable<BackupRecord, 'projectId'>;
  /**
   * Derived from the codings: every coder's answer per variable, a few hundred appeals to a row,
   * for the agreement and adjudication workers (see answerBlocks.ts). Written with `codings`.
   */
  answerBlocks!: Table<AnswerBlock, AnswerBlockKey>;
  /** Derived from the codings written: each coder's latest edit in a project (see `putCodings`). */
  coderEdits!: Table<CoderEdit, [string, string]>;
  /**
   * Derived from the appeals: order, id, region, addressee and date of every appeal, a few rows a
   * project (see appealColumns.ts). Written with the appeals, by `addAppeals`.
   */
  appealColumns!: Table<AppealColumnChunk, AppealColumnKey>;
  /** Derived from the appeals: how many a project holds, one row a project. Written by `addAppeals`. */
  appealCounts!: EntityTable<AppealCount, 'projectId'>;

  constructor(name = 'kodtau') {
    super(name);
    this.version(1).stores({
      projects: 'id, createdAt',
      // Reading order and lookups by source id, both within a project.
      appeals: '[projectId+id], [projectId+order], [projectId+meta.region], [projectId+meta.date]',
      codebooks: '[projectId+version], projectId',
      coders: 'id',
      // Coding screen: one coder's codings of one appeal; agreement: all codings of a variable.
      codings:
        '[projectId+coderId+appealId+variableId], [projectId+coderId], [projectId+coderId+appealId], [projectId+appealId], [projectId+variableId], updatedAt',
      consensus: '[projectId+appealId+variableId], projectId, [projectId+variableId]',
      imports: 'id, projectId, [projectId+fileHash]',
    });
    // Column mappings remembered per file layout (import wizard).
    this.version(2).stores({ importMappings: 'layout' });
    // Review flags on settled units (merge of coder files); gold-standard training sets.
    this.version(3).stores({
      reviews: '[projectId+appealId+variableId], projectId',
      trainingSets: '[projectId+id], projectId',
    });
    // The coding screen filters by addressee as it does by region and date.
    this.version(4).stores({
      appeals:
        '[projectId+id], [projectId+order], [projectId+meta.region], [projectId+meta.date], [projectId+meta.addressee]',
    });
    // Cleared codings become tombstones in a table of their own. Until now a choice coding with
    // no value or an emptied text meant "not coded" (there was no "none of these"): those move.
    this.version(5)
      .stores({ clearedCodings: '[projectId+coderId+appealId+variableId], [projectId+coderId+appealId]' })
      .upgrade(async (tx) => {
        const codings = tx.table<Coding, CodingKey>('codings');
        const empty = await codings.filter((c) => c.values.length === 0 && !c.text?.trim()).toArray();
        await tx
          .table<Coding, CodingKey>('clearedCodings')
          .bulkPut(empty.map(({ text: _text, ...c }) => ({ ...c, cleared: true as const })));
        await codings.bulkDelete(empty.map(codingKeyOf));
      });
    // When each project was last saved to a project file, for the backup reminder.
    this.version(6).stores({ backups: 'projectId' });
    // The answers in blocks of a few hundred appeals, built from the codings there are.
    this.version(7)
      .stores({ answerBlocks: '[projectId+variableId+block]' })
      .upgrade((tx) =>
        rebuildAnswerBlocks(
          tx.table<Coding, CodingKey>('codings'),
          tx.table<AnswerBlock, AnswerBlockKey>('answerBlocks'),
        ),
      );
    // Each coder's latest edit at one end of an index (the coders table after every merge).
    this.version(8).stores({
      codings:
        '[projectId+coderId+appealId+variableId], [projectId+coderId], [projectId+coderId+appealId], [projectId+appealId], [projectId+variableId], updatedAt, [projectId+coderId+updatedAt]',
    });
    // Every index costs each coding written (a merge writes 1.2 M): those a range of the primary
    // key serves (`[projectId+coderId]`, `[projectId+coderId+appealId]`: Dexie reads them from it)
    // and those a derived record serves (each coder's latest edit, in `coderEdits`) go.
    this.version(9)
      .stores({
        codings: '[projectId+coderId+appealId+variableId], [projectId+variableId]',
        coderEdits: '[projectId+coderId]',
      })
      .upgrade(async (tx) => {
        const edits = new CoderEditBuilder();
        for (const name of ['codings', 'clearedCodings'])
          await tx.table<Coding, CodingKey>(name).each((coding) => edits.add(coding));
        await tx.table<CoderEdit, [string, string]>('coderEdits').bulkPut(edits.build());
      });
    // A merge wrote 1.2 M coding rows in minutes (IndexedDB's time goes by rows): the codings move
    // into rows of one coder's block of appeals, answers and cleared ones together. The appeals'
    // metadata indexes cost every appeal written (a package of 100 000 writes them all): the
    // filters, Tables and the agreement read the same values from the appeals' columns instead.
    this.version(10)
      .stores({
        codingBlocks: '[projectId+coderId+block]',
        appeals: '[projectId+id], [projectId+order]',
        appealColumns: '[projectId+chunk]',
      })
      .upgrade(async (tx) => {
        const blocks = new CodingBlockBuilder();
        for (const name of ['codings', 'clearedCodings'])
          await tx.table<Coding, CodingKey>(name).each((coding) => blocks.add(coding));
        await tx.table<CodingBlock, CodingBlockKey>('codingBlocks').bulkPut(blocks.build());
        await rebuildAppealColumns(
          tx.table<Appeal, [string, string]>('appeals'),
          tx.table<AppealColumnChunk, AppealColumnKey>('appealColumns'),
        );
      });
    // Dexie reads a table in an upgrade only if a later version deletes it.
    this.version(11).stores({ codings: null, clearedCodings: null });
    // A package of 100 000 appeals took 11 s to write as 100 000 rows: the appeals move into rows
    // of a block of orders. Their `[projectId, id]` keys, a unique index, find one by id.
    this.version(12)
      .stores({ appealBlocks: '[projectId+block], &*keys' })
      .upgrade(async (tx) => {
        const appeals = await tx.table<Appeal, [string, string]>('appeals').toArray();
        await tx.table<AppealBlock, AppealBlockKey>('appealBlocks').bulkPut(buildAppealBlocks(appeals));
      });
    this.version(13).stores({ appeals: null });
    // Counting the appeals over the `keys` index took 0.6 s at 100 000, on every screen that
    // shows the count: a row a project keeps it.
    this.version(14)
      .stores({ appealCounts: 'projectId' })
      .upgrade(async (tx) => {
        const keys = await tx.table<AppealBlock, AppealBlockKey>('appealBlocks').orderBy('keys').keys();
        const counts = new Map<string, number>();
        for (const [projectId] of keys as unknown as [string, string][])
          counts.set(projectId, (counts.get(projectId) ?? 0) + 1);
        await tx
          .table<AppealCount, string>('appealCounts')
          .bulkPut([...counts].map(([projectId, count]) => ({ projectId, count })));
      });
  }
}

export const codingKeyOf = (c: Coding): CodingKey => [c.projectId, c.coderId, c.appealId, c.variableId];

/**
 * Rows a write must hold for Dexie to tell every other window and worker of it as a change of the
 * whole table, in a few bytes; of a write of fewer rows it sends each key, which the UI thread
 * then merges into its live queries' ranges one by one. 100 000 keys after an import held it
 * 0.25 s; the 1 800 keys of merging three 100 000-appeal coder files, some 50 ms.
 */
export const WHOLE_TABLE_ROWS = 50;

export const db = new KodtauDb();

/** Asks the browser not to evict the data under storage pressure; the answer is shown in settings. */
export async function requestPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  return (await navigator.storage.persisted()) || navigator.storage.persist();
}
