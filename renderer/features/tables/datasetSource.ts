import {
  metaValue,
  type Appeal,
  type Codebook,
  type Coder,
  type Coding,
  type Consensus,
  type Project,
} from '../../../shared/model/index.ts';
import {
  finalAppealCounts,
  finalSummary,
  type FinalAppealSummary,
} from '../../../shared/tables/finalAppealCounts.ts';
import { tableSourceKey, type SourceValues, type TableSource } from '../../../shared/tables/tableSource.ts';
import { projectBlocks, type AnswerBlock } from '../../db/answerBlocks.ts';
import type { KodtauDb } from '../../db/db.ts';
import { projectCodingsByVariable, projectCoderIds } from '../../db/queries.ts';
import { metaById, readAppealColumns, type ColumnMeta } from '../../db/appealColumns.ts';
import {
  datasetFile,
  needsCodingRows,
  requestSource,
  type FileInput,
  type FileRequest,
  type FileResult,
} from '../export/datasetFile.ts';
import { blockValues } from './blockValues.ts';
import { distinctKeyParts } from './indexKeys.ts';
import { queryVariables, tableFigures, type TableFigures, type TableQuery } from './tableFigures.ts';
import { eachAppealSlice, firstAppeals } from '../../db/appeals.ts';

/**
 * Which state of the project's data a request is about: `codings` changes with every write of a
 * coding or consensus record, `appeals` with every write of an appeal (see `useDataVersion`).
 */
export interface DataVersion {
  projectId: string;
  codings: number;
  appeals: number;
}

/** What the Tables and Export screens show before any table: the choices they offer. */
export interface DatasetOverview {
  /** Metadata columns worth a table (see `categoricalMeta`). */
  metaKeys: string[];
  /** The coders who have codings in the project, by id. */
  coders: Coder[];
  /** Whether the project has any consensus record. */
  consensus: boolean;
}

/** Where a long read stands: appeals read, variables read, the file written. */
export interface DatasetProgress {
  stage: 'appeals' | 'codings' | 'file';
  done: number;
  total: number;
}

/** Metadata columns with an index of their own: their values are read from its keys alone. */
const INDEXED_META = new Set(['region', 'date', 'addressee']);
/** Appeal blocks per read of every appeal: 40 rows are 10 000 appeals. */
const BLOCKS_A_READ = 40;

/**
 * Reads what a table or an export needs from IndexedDB — the answers of one variable from its
 * answer blocks (a few hundred appeals to a row), its consensus through the
 * `[projectId+variableId]` index, a metadata column from its index's keys — and computes the
 * result there: in the dataset worker (which opens the database itself), or on the UI thread
 * where there are no workers (jsdom tests). What it read is kept until the data changes. Only a
 * file of the coders' own codings (their notes, flags and times) reads coding rows.
 */
export class DatasetSource {
  private version: DataVersion = { projectId: '', codings: -1, appeals: -1 };
  private blocks = new Map<string, Promise<AnswerBlock[]>>();
  /** Every variable's coding rows: the coders' blocks hold them all, read once for every variable. */
  private rows: Promise<Map<string, Coding[]>> | null = null;
  private consensus = new Map<string, Promise<Consensus[]>>();
  /** A source's values of one variable, by source, codebook and variable. */
  private values = new Map<string, Promise<SourceValues>>();
  private meta = new Map<string, Promise<Map<string, string>>>();
  private ids: Promise<string[]> | null = null;
  private appeals: Promise<Appeal[]> | null = null;

  constructor(private readonly db: KodtauDb) {}

  private at(version: DataVersion) {
    const old = this.version;
    this.version = version;
    if (old.projectId !== version.projectId || old.appeals !== version.appeals) {
      this.meta.clear();
      this.ids = null;
      this.appeals = null;
    }
    if (old.projectId !== version.projectId || old.codings !== version.codings) {
      this.blocks.clear();
      this.rows = null;
      this.consensus.clear();
      this.values.clear();
    }
  }

  private get projectId() {
    return this.version.projectId;
  }

  /** The answer blocks of one variable: every coder's answers, a few hundred appeals to a block. */
  private variableBlocks(variableId: string): Promise<AnswerBlock[]> {
    let read = this.blocks.get(variableId);
    if (!read) {
      read = projectBlocks(this.db.answerBlocks, this.projectId, variableId);
      this.blocks.set(variableId, read);
    }
    return read;
  }

  /** The coding rows of one variable, all coders, for a file of the coders' own codings. */
  private async variableCodings(variableId: string): Promise<Coding[]> {
    this.rows ??= projectCodingsByVariable(this.projectId, this.db);
    return (await this.rows).get(variableId) ?? [];
  }

  private variableConsensus(variableId: string): Promise<Consensus[]> {
    let read = this.consensus.get(variableId);
    if (!read) {
      read = this.db.consensus.where('[projectId+variableId]').equals([this.projectId, variableId]).toArray();
      this.consensus.set(variableId, read);
    }
    return read;
  }

  /** The project's appeal ids in project order, from the appeals' columns (a few rows). */
  private appealIds(): Promise<string[]> {
    this.ids ??= readAppealColumns(this.db.appealColumns, this.projectId).then((columns) => columns.ids);
    return this.ids;
  }

  /** Every appeal, texts included, in project order: read a slice of blocks at a time, each reported. */
  private allAppeals(progress: (p: DatasetProgress) => void = () => {}): Promise<Appeal[]> {
    this.appeals ??= (async () => {
      const total = (await this.appealIds()).length;
      const appeals: Appeal[] = [];
      await eachAppealSlice(
        this.projectId,
        BLOCKS_A_READ,
        (slice) => {
          for (const appeal of slice) appeals.push(appeal);
          progress({ stage: 'appeals', done: appeals.length, total: Math.max(total, appeals.length) });
        },
        this.db,
      );
      return appeals;
    })();
    // A read stopped (a cancelled export throws from `progress`) is not kept: the next one reads again.
    const read = this.appeals;
    read.catch(() => {
      if (this.appeals === read) this.appeals = null;
    });
    return read;
  }

  /**
   * A metadata column, appeal id → value: region, date and addressee from the appeals' derived
   * columns (a few rows), any other from the appeals.
   */
  private metaColumn(key: string): Promise<Map<string, string>> {
    let read = this.meta.get(key);
    if (!read) {
      read = INDEXED_META.has(key)
        ? readAppealColumns(this.db.appealColumns, this.projectId).then((columns) =>
            metaById(columns, key as ColumnMeta),
          )
        : this.allAppeals().then(
            (appeals) =>
              new Map(appeals.flatMap((a) => (Object.hasOwn(a.meta, key) ? [[a.id, a.meta[key]!]] : []))),
          );
      this.meta.set(key, read);
    }
    return read;
  }

  /** The variables with codings in the project, from the index's keys. */
  private async codedVariables(): Promise<string[]> {
    // An answer block is there while a coder's answer to its variable is.
    return distinctKeyParts(this.db.answerBlocks, ':id', [this.projectId]);
  }

  private async coders(): Promise<Coder[]> {
    const [ids, people] = await Promise.all([
      projectCoderIds(this.projectId, this.db),
      this.db.coders.toArray(),
    ]);
    const names = new Map(people.map((c) => [c.id, c.name]));
    return (ids as string[]).map((id) => ({ id, name: names.get(id) ?? id }));
  }

  /** Whether the project has a consensus record: one key looked for, none counted. */
  private async hasConsensus(): Promise<boolean> {
    const keys = await this.db.consensus.where('projectId').equals(this.projectId).limit(1).primaryKeys();
    return keys.length > 0;
  }

  /** The metadata columns, the coders and whether there is a consensus. */
  async overview(version: DataVersion): Promise<DatasetOverview> {
    this.at(version);
    const [first, coders, consensus] = await Promise.all([
      firstAppeals(this.projectId, 1000, this.db),
      this.coders(),
      this.hasConsensus(),
    ]);
    return { metaKeys: categoricalMeta(first), coders, consensus };
  }

  /**
   * A source's values of the variables given: each variable's computed once for the data and
   * codebook (a source's value of a unit depends on that unit's answers and consensus alone).
   */
  private async sourceValues(
    source: TableSource,
    codebook: Codebook,
    variableIds: readonly string[],
  ): Promise<SourceValues> {
    const parts = await Promise.all(
      variableIds.map((variableId) => {
        const key = [tableSourceKey(source), codebook.hash, variableId].join('\u0000');
        let values = this.values.get(key);
        if (!values) {
          const multiple = codebook.variables.some((v) => v.id === variableId && v.kind === 'multi');
          values = Promise.all([this.variableBlocks(variableId), this.variableConsensus(variableId)]).then(
            ([blocks, consensus]) => blockValues(source, variableId, blocks, consensus, multiple),
          );
          this.values.set(key, values);
        }
        return values;
      }),
    );
    return mergeValues(parts);
  }

  /** The counts of one table (see `tableFigures`), from the answers of its variables only. */
  async table(version: DataVersion, codebook: Codebook, query: TableQuery): Promise<TableFigures> {
    this.at(version);
    const variables = queryVariables(query);
    const metaKeys = [query.subject, query.by].flatMap((s) => (s?.kind === 'meta' ? [s.key] : []));
    const [appealIds, values, consensus, columns] = await Promise.all([
      this.appealIds(),
      this.sourceValues(query.source, codebook, variables),
      this.hasConsensus(),
      Promise.all(metaKeys.map(async (key) => [key, await this.metaColumn(key)] as const)),
    ]);
    const meta = new Map(columns);
    return tableFigures(
      { appealIds, meta: (key) => meta.get(key) ?? new Map(), values, consensus },
      codebook,
      query,
    );
  }

  /** The final dataset's appeals by status over every variable of the codebook. */
  async finalCounts(version: DataVersion, codebook: Codebook): Promise<FinalAppealSummary> {
    this.at(version);
    const ids = codebook.variables.map((v) => v.id);
    const [appealIds, values] = await Promise.all([
      this.appealIds(),
      this.sourceValues({ kind: 'final' }, codebook, ids),
    ]);
    return finalSummary(finalAppealCounts(values, appealIds, ids));
  }

  /**
   * Reads ahead what the next question needs, so that it is answered at once: every variable's
   * answers and consensus, and the final dataset's values of the codebook's (the next table),
   * with `texts` every appeal as well (an export).
   */
  async prefetch(version: DataVersion, codebook: Codebook, texts: boolean): Promise<void> {
    this.at(version);
    const variables = [
      ...new Set([...codebook.variables.map((v) => v.id), ...(await this.codedVariables())]),
    ];
    for (const id of variables) await Promise.all([this.variableBlocks(id), this.variableConsensus(id)]);
    for (const variable of codebook.variables)
      await this.sourceValues({ kind: 'final' }, codebook, [variable.id]);
    if (texts) await this.allAppeals();
  }

  /**
   * Everything of the project a file is built from, as the dataset functions take it: the coding
   * rows themselves (`rows`), or the source's values of every coded variable (from the answer
   * blocks, kept for the next table or file).
   */
  async fileInput(
    version: DataVersion,
    project: Project,
    codebook: Codebook,
    request: FileRequest,
    progress: (p: DatasetProgress) => void,
  ): Promise<FileInput> {
    this.at(version);
    const [appeals, variables, coders, consensus] = await Promise.all([
      this.allAppeals(progress),
      this.codedVariables(),
      this.coders(),
      this.db.consensus.where('projectId').equals(this.projectId).toArray(),
    ]);
    const base = { project, codebook, appeals, coders, consensus };
    const source = requestSource(request);
    if (needsCodingRows(source)) {
      const codings: Coding[][] = [];
      for (const id of variables) {
        codings.push(await this.variableCodings(id));
        progress({ stage: 'codings', done: codings.length, total: variables.length });
      }
      return { rows: true, ...base, codings: codings.flat() };
    }
    // The codebook's variables and any coded under an older codebook (the long layout lists them).
    const ids = [...new Set([...codebook.variables.map((v) => v.id), ...variables])];
    const parts: SourceValues[] = [];
    for (const id of ids) {
      parts.push(await this.sourceValues(source, codebook, [id]));
      progress({ stage: 'codings', done: parts.length, total: ids.length });
    }
    return { rows: false, ...base, values: mergeValues(parts) };
  }

  /** Writes the export file `request` asks for. */
  async file(
    version: DataVersion,
    project: Project,
    codebook: Codebook,
    request: FileRequest,
    progress: (p: DatasetProgress) => void,
  ): Promise<FileResult> {
    const input = await this.fileInput(version, project, codebook, request, progress);
    progress({ stage: 'file', done: 0, total: 1 });
    return datasetFile(input, request);
  }
}

/** The values of several variables as one. */
function mergeValues(parts: readonly SourceValues[]): SourceValues {
  return {
    byVariable: new Map(parts.flatMap((part) => [...part.byVariable])),
    ties: parts.flatMap((part) => part.ties),
    unresolved: parts.flatMap((part) => part.unresolved),
  };
}

/**
 * Metadata columns worth a table: those whose values are short (a region, a date, a language),
 * judged on the first thousand appeals; a reply or a long comment is not a category.
 */
export function categoricalMeta(appeals: readonly Appeal[]): string[] {
  const sample = appeals.slice(0, 1000);
  const keys = [...new Set(sample.flatMap((a) => Object.keys(a.meta)))];
  return keys.filter((key) => sample.every((a) => (metaValue(a.meta, key)?.length ?? 0) <= 120));
}
