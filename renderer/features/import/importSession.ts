import type { CsvDelimiter } from '../../../shared/csv/parseCsv.ts';
import type { TextEncodingName } from '../../../shared/encoding/decodeText.ts';
import {
  guessMapping,
  layoutKey,
  mappingFits,
  type ColumnMapping,
} from '../../../shared/import/columnMapping.ts';
import { IMPORT_ERROR_CODES, type ImportErrorCode } from '../../../shared/import/importError.ts';
import {
  planImport,
  ROW_ISSUE_KINDS,
  type ImportPlan,
  type RowIssue,
} from '../../../shared/import/planImport.ts';
import {
  readTable,
  type ReadOptions,
  type SourceFormat,
  type SourceTable,
} from '../../../shared/import/readTable.ts';
import type { Project } from '../../../shared/model/index.ts';
import { db } from '../../db/db.ts';
import { addAppeals, APPEALS_PER_WRITE, appealIds, appealTables, lastAppeal } from '../../db/appeals.ts';

/** What the wizard shows after reading a file: enough to preview and map, not the whole table. */
export interface ReadSummary {
  readonly format: SourceFormat;
  readonly encoding: TextEncodingName | null;
  readonly detectedEncoding: TextEncodingName | null;
  readonly delimiter: CsvDelimiter | null;
  readonly header: string[];
  readonly preview: string[][];
  readonly rowCount: number;
  readonly sample: string;
  readonly suspicious: number;
  /** XLSX: the workbook's sheets, the one read, and the sheet row taken as the header. */
  readonly sheets?: string[];
  readonly sheet?: string;
  readonly headerRow?: number;
  /** A mapping remembered for this layout, else a guess. */
  readonly mapping: ColumnMapping;
  readonly remembered: boolean;
}

export interface PlanSummary {
  readonly toAdd: number;
  readonly alreadyPresent: number;
  /** The file was imported into this project before (same bytes). */
  readonly alreadyImported: boolean;
  /** The first issues, in file order; `issueCounts` has them all. */
  readonly issues: RowIssue[];
  readonly issueCounts: Record<RowIssue['kind'], number>;
}

/** Where the appeals go: an existing project, or a new one created in the same transaction. */
export type ImportTarget = { readonly projectId: string } | { readonly newProject: Project };

export interface WriteResult {
  readonly added: number;
  readonly alreadyPresent: number;
  readonly skipped: number;
}

export type WriteProgress = (done: number, total: number) => void;

/** Thrown (and rolled back) when the user cancels while appeals are being written. */
export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'ImportCancelled';
  }
}

/** A failure of any step, as the UI shows it: a known code, or `unexpected`. */
export type ImportFailure = { code: ImportErrorCode | 'cancelled' | 'unexpected'; line?: number };

export function toFailure(error: unknown): ImportFailure {
  if (error instanceof ImportCancelled) return { code: 'cancelled' };
  // An ImportError that crossed from the worker arrives as a plain Error with its code and line.
  const { code, line } = (error ?? {}) as { code?: unknown; line?: number };
  if ((IMPORT_ERROR_CODES as readonly unknown[]).includes(code))
    return { code: code as ImportErrorCode, line };
  return { code: 'unexpected' };
}

const PREVIEW_ROWS = 8;
const LISTED_ISSUES = 200;

/**
 * One file's import, from bytes to appeals in IndexedDB: read (decode + parse), plan (map +
 * check), write (one transaction: all appeals and the import record, or nothing). It runs in
 * the import worker (importWorker.ts); tests and jsdom run it in-process.
 */
export class ImportSession {
  private bytes: Uint8Array = new Uint8Array();
  private fileName = '';
  private fileHash = '';
  private table: SourceTable | null = null;
  private plan: (ImportPlan & { projectId: string; mapping: ColumnMapping }) | null = null;
  private cancelled = false;

  async read(file: { name: string; bytes: Uint8Array }, options: ReadOptions = {}): Promise<ReadSummary> {
    if (file.bytes !== this.bytes) {
      this.bytes = file.bytes;
      this.fileName = file.name;
      this.fileHash = await sha256Hex(file.bytes);
    }
    this.plan = null;
    const table = await readTable(this.bytes, options);
    this.table = table;
    const layout = layoutKey(table.header);
    const remembered = await db.importMappings.get(layout);
    const fits = remembered && mappingFits(remembered.mapping, table.header);
    return {
      format: table.format,
      encoding: table.encoding,
      detectedEncoding: table.detectedEncoding,
      delimiter: table.delimiter,
      header: table.header,
      preview: table.rows.slice(0, PREVIEW_ROWS),
      rowCount: table.rows.length,
      sample: table.sample,
      suspicious: table.suspicious,
      ...(table.sheets ? { sheets: table.sheets, sheet: table.sheet, headerRow: table.headerRow } : {}),
      mapping: fits ? remembered.mapping : guessMapping(table.header, table.rows),
      remembered: Boolean(fits),
    };
  }

  /** Re-reads the same bytes with another encoding or delimiter, or another sheet or header row. */
  reread(options: ReadOptions): Promise<ReadSummary> {
    return this.read({ name: this.fileName, bytes: this.bytes }, options);
  }

  async check(mapping: ColumnMapping, projectId: string | null): Promise<PlanSummary> {
    if (!this.table) throw new Error('read a file first');
    const [ids, last, previous] = await Promise.all([
      projectId ? appealIds(projectId) : [],
      projectId ? lastAppeal(projectId) : undefined,
      projectId ? db.imports.where('[projectId+fileHash]').equals([projectId, this.fileHash]).count() : 0,
    ]);
    const existingIds = new Set(ids);
    const plan = planImport(this.table, mapping, {
      projectId: projectId ?? '',
      existingIds,
      firstOrder: last ? last.order + 1 : 0,
    });
    this.plan = { ...plan, projectId: projectId ?? '', mapping };
    const issueCounts = Object.fromEntries(ROW_ISSUE_KINDS.map((kind) => [kind, 0])) as Record<
      RowIssue['kind'],
      number
    >;
    for (const issue of plan.issues) issueCounts[issue.kind]++;
    return {
      toAdd: plan.appeals.length,
      alreadyPresent: plan.alreadyPresent,
      alreadyImported: previous > 0,
      issues: plan.issues.slice(0, LISTED_ISSUES),
      issueCounts,
    };
  }

  cancel(): void {
    this.cancelled = true;
  }

  /**
   * Writes the checked rows (the rows with issues are skipped) and the import record in one
   * transaction; remembers the mapping for the file's layout. A cancel or any failure rolls
   * everything back.
   */
  async write(target: ImportTarget, onProgress: WriteProgress): Promise<WriteResult> {
    const plan = this.plan;
    if (!plan || !this.table) throw new Error('check the file first');
    this.cancelled = false;
    const project = 'newProject' in target ? target.newProject : null;
    const projectId = project ? project.id : (target as { projectId: string }).projectId;
    const appeals =
      project || plan.projectId !== projectId ? plan.appeals.map((a) => ({ ...a, projectId })) : plan.appeals;
    const total = appeals.length;
    onProgress(0, total);
    await db.transaction('rw', [db.projects, ...appealTables(), db.imports, db.importMappings], async () => {
      if (project) await db.projects.add(project);
      for (let start = 0; start < total; start += APPEALS_PER_WRITE) {
        if (this.cancelled) throw new ImportCancelled();
        await addAppeals(appeals.slice(start, start + APPEALS_PER_WRITE));
        onProgress(Math.min(total, start + APPEALS_PER_WRITE), total);
      }
      if (this.cancelled) throw new ImportCancelled();
      await db.imports.put({
        id: `${projectId}/appeals/${this.fileHash}`,
        projectId,
        kind: 'appeals',
        fileName: this.fileName,
        fileHash: this.fileHash,
        importedAt: new Date().toISOString(),
        summary: { appeals: total, alreadyPresent: plan.alreadyPresent, skipped: plan.issues.length },
      });
      await db.importMappings.put({
        layout: layoutKey(this.table!.header),
        mapping: plan.mapping,
        updatedAt: new Date().toISOString(),
      });
    });
    return { added: total, alreadyPresent: plan.alreadyPresent, skipped: plan.issues.length };
  }
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
