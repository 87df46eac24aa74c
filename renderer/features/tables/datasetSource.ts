import { Dexie } from 'dexie';
import type { DatasetInput } from '../../../shared/formats/dataset.ts';
import {
  metaValue,
  type Appeal,
  type Codebook,
  type Coder,
  type Coding,
  type Consensus,
  type Project,
} from '../../../shared/model/index.ts';
import type { FinalAppealCounts } from '../../../shared/tables/finalAppealCounts.ts';
import { finalAppealCounts } from '../../../shared/tables/finalAppealCounts.ts';
import { sourceValues } from '../../../shared/tables/tableSource.ts';
import type { KodtauDb } from '../../db/db.ts';
import { datasetFile, type FileRequest, type FileResult } from '../export/datasetFile.ts';
import { queryVariables, tableFigures, type TableFigures, type TableQuery } from './tableFigures.ts';

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
  /** Consensus records of the project. */
  consensus: number;
}

/** Where a long read stands: appeals read, variables read, the file written. */
export interface DatasetProgress {
  stage: 'appeals' | 'codings' | 'file';
  done: number;
  total: number;
}

/** Metadata columns with an index of their own: their values are read from its keys alone. */
const INDEXED_META = new Set(['region', 'date', 'addressee']);
const CHUNK = 10_000;

/**
 * Reads what a table or an export needs from IndexedDB — the codings of one variable through the
 * `[projectId+variableId]` index, a metadata column from its index's keys — and computes the
 * result there: in the dataset worker (which opens the database itself), or on the UI thread
 * where there are no workers (jsdom tests). What it read is kept until the data changes.
 */
export class DatasetSource {
  private version: DataVersion = { projectId: '', codings: -1, appeals: -1 };
  private codings = new Map<string, Promise<Coding[]>>();
  private consensus = new Map<string, Promise<Consensus[]>>();
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
      this.codings.clear();
      this.consensus.clear();
    }
  }

  private get projectId() {
    return this.version.projectId;
  }

  private range() {
    return [
      [this.projectId, Dexie.minKey],
      [this.projectId, Dexie.maxKey],
    ] as const;
  }

  /** The answers of one variable, all coders, in the `[projectId+variableId]` index's order. */
  private variableCodings(variableId: string): Promise<Coding[]> {
    let read = this.codings.get(variableId);
    if (!read) {
      read = this.db.codings.where('[projectId+variableId]').equals([this.projectId, variableId]).toArray();
      this.codings.set(variableId, read);
    }
    return read;
  }

  private variableConsensus(variableId: string): Promise<Consensus[]> {
    let read = this.consensus.get(variableId);
    if (!read) {
      read = this.db.consensus.where('[projectId+variableId]').equals([this.projectId, variableId]).toArray();
      this.consensus.set(variableId, read);
    }
    return read;
  }

  /** The project's appeal ids in project order, from the `[projectId+order]` index's keys. */
  private appealIds(): Promise<string[]> {
    this.ids ??= this.db.appeals
      .where('[projectId+order]')
      .between(...this.range())
      .primaryKeys()
      .then((keys) => keys.map((key) => key[1]));
    return this.ids;
  }

  /** Every appeal, texts included, in project order: read in chunks, each reported. */
  private allAppeals(progress: (p: DatasetProgress) => void = () => {}): Promise<Appeal[]> {
    this.appeals ??= (async () => {
      const byOrder = () => this.db.appeals.where('[projectId+order]').between(...this.range());
      const total = await byOrder().count();
      const appeals: Appeal[] = [];
      while (appeals.length < total) {
        const chunk = await byOrder().offset(appeals.length).limit(CHUNK).toArray();
        if (chunk.length === 0) break;
        appeals.push(...chunk);
        progress({ stage: 'appeals', done: appeals.length, total });
      }
      return appeals;
    })();
    return this.appeals;
  }

  /** A metadata column, appeal id → value: from its index's keys, else from the appeals. */
  private metaColumn(key: string): Promise<Map<string, string>> {
    let read = this.meta.get(key);
    if (!read) {
      read = INDEXED_META.has(key)
        ? (async () => {
            const range = this.db.appeals.where(`[projectId+meta.${key}]`).between(...this.range());
            // One transaction: the keys and the appeal ids they belong to are of the same moment.
            const [keys, ids] = await this.db.transaction('r', this.db.appeals, () =>
              Promise.all([range.clone().keys(), range.clone().primaryKeys()]),
            );
            return new Map(
              ids.map((id, i) => [
                (id as unknown as [string, string])[1],
                String((keys[i] as unknown as [string, string])[1]),
              ]),
            );
          })()
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
    const keys = await this.db.codings
      .where('[projectId+variableId]')
      .between(...this.range())
      .uniqueKeys();
    return keys.map((key) => (key as unknown as [string, string])[1]);
  }

  private async coders(): Promise<Coder[]> {
    const [keys, people] = await Promise.all([
      this.db.codings
        .where('[projectId+coderId]')
        .between(...this.range())
        .uniqueKeys(),
      this.db.coders.toArray(),
    ]);
    const names = new Map(people.map((c) => [c.id, c.name]));
    return keys.map((key) => {
      const id = (key as unknown as [string, string])[1];
      return { id, name: names.get(id) ?? id };
    });
  }

  /** The metadata columns, the coders and the size of the consensus. */
  async overview(version: DataVersion): Promise<DatasetOverview> {
    this.at(version);
    const [first, coders, consensus] = await Promise.all([
      this.db.appeals
        .where('[projectId+order]')
        .between(...this.range())
        .limit(1000)
        .toArray(),
      this.coders(),
      this.db.consensus.where('projectId').equals(this.projectId).count(),
    ]);
    return { metaKeys: categoricalMeta(first), coders, consensus };
  }

  /** The counts of one table (see `tableFigures`), from the codings of its variables only. */
  async table(version: DataVersion, codebook: Codebook, query: TableQuery): Promise<TableFigures> {
    this.at(version);
    const variables = queryVariables(query);
    const metaKeys = [query.subject, query.by].flatMap((s) => (s?.kind === 'meta' ? [s.key] : []));
    const [appealIds, codings, consensus, consensusCount] = await Promise.all([
      this.appealIds(),
      Promise.all(variables.map((id) => this.variableCodings(id))),
      Promise.all(variables.map((id) => this.variableConsensus(id))),
      this.db.consensus.where('projectId').equals(this.projectId).count(),
    ]);
    const columns = new Map(
      await Promise.all(metaKeys.map(async (key) => [key, await this.metaColumn(key)] as const)),
    );
    const values = sourceValues(
      query.source,
      { codings: codings.flat(), consensus: consensus.flat() },
      codebook.variables,
    );
    return tableFigures(
      { appealIds, meta: (key) => columns.get(key) ?? new Map(), values, consensus: consensusCount },
      codebook,
      query,
    );
  }

  /** The final dataset's appeals by status over every variable of the codebook. */
  async finalCounts(version: DataVersion, codebook: Codebook): Promise<FinalAppealCounts> {
    this.at(version);
    const ids = codebook.variables.map((v) => v.id);
    const [appealIds, codings, consensus] = await Promise.all([
      this.appealIds(),
      Promise.all(ids.map((id) => this.variableCodings(id))),
      Promise.all(ids.map((id) => this.variableConsensus(id))),
    ]);
    const values = sourceValues(
      { kind: 'final' },
      { codings: codings.flat(), consensus: consensus.flat() },
      codebook.variables,
    );
    return finalAppealCounts(values, appealIds, ids);
  }

  /**
   * Reads ahead what the next question needs, so that it is answered at once: every variable's
   * codings and consensus (the next table), with `texts` every appeal as well (an export).
   */
  async prefetch(version: DataVersion, codebook: Codebook, texts: boolean): Promise<void> {
    this.at(version);
    const variables = [
      ...new Set([...codebook.variables.map((v) => v.id), ...(await this.codedVariables())]),
    ];
    for (const id of variables) await Promise.all([this.variableCodings(id), this.variableConsensus(id)]);
    if (texts) await this.allAppeals();
  }

  /** Everything of the project an export is built from, as the dataset functions take it. */
  async datasetInput(
    version: DataVersion,
    project: Project,
    codebook: Codebook,
    progress: (p: DatasetProgress) => void,
  ): Promise<DatasetInput> {
    this.at(version);
    const [appeals, variables, coders, consensus] = await Promise.all([
      this.allAppeals(progress),
      this.codedVariables(),
      this.coders(),
      this.db.consensus.where('projectId').equals(this.projectId).toArray(),
    ]);
    const codings: Coding[][] = [];
    for (const id of variables) {
      codings.push(await this.variableCodings(id));
      progress({ stage: 'codings', done: codings.length, total: variables.length });
    }
    return { project, codebook, appeals, coders, codings: codings.flat(), consensus };
  }

  /** Writes the export file `request` asks for. */
  async file(
    version: DataVersion,
    project: Project,
    codebook: Codebook,
    request: FileRequest,
    progress: (p: DatasetProgress) => void,
  ): Promise<FileResult> {
    const input = await this.datasetInput(version, project, codebook, progress);
    progress({ stage: 'file', done: 0, total: 1 });
    return datasetFile(input, request);
  }
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
