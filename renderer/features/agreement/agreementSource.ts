import {
  alphaDrift,
  coderDrift,
  type CoderDrift,
  type DriftAxis,
  type DriftPoint,
} from '../../../shared/agreement/drift.ts';
import { alphaBootstrap, alphaBootstrapSteps } from '../../../shared/agreement/index.ts';
import type { Level, ReliabilityData } from '../../../shared/agreement/types.ts';
import type { Variable } from '../../../shared/model/index.ts';
import { projectBlocks } from '../../db/answerBlocks.ts';
import type { KodtauDb } from '../../db/db.ts';
import { variableCodings } from '../../db/queries.ts';
import { metaById, readAppealColumns } from '../../db/appealColumns.ts';
import { BOOTSTRAP, subsetCodings, type Subset, type VariableFigures } from './agreementFigures.ts';
import {
  decodeBlocks,
  subsetUnits,
  unitFigures,
  unitRows,
  type UnitFigures,
  type VariableUnits,
} from './agreementUnits.ts';
import { appealCount } from '../../db/appeals.ts';

/** What the dashboard asks for. */
export interface AgreementRequest {
  projectId: string;
  variables: readonly Variable[];
  subset: Subset;
  /** Changes whenever the project's codings change: what was read before is read again. */
  version: number;
}

/** A variable's figures as the dashboard shows them: without the matrix, which the detail asks for. */
export type Summary = Omit<VariableFigures, 'rows'> & { coderIds: string[] };

/** One variable's agreement over time, on the codings of the dashboard's subset. */
export interface Drift {
  variableId: string;
  axis: DriftAxis;
  alpha: DriftPoint[];
  coders: CoderDrift[];
}

/** The counts the methods paragraph states besides the figures. */
export interface ProjectCounts {
  /** Appeals of the project (the `[projectId+order]` index). */
  appeals: number;
  /** Settled answers decided by adjudication (not agreed by the coders). */
  adjudicated: number;
}

/** What a computation reports, in this order: the coders, each variable's point estimates, each interval. */
export type AgreementEvent =
  | { kind: 'coders'; coders: string[] }
  | { kind: 'point'; figures: Summary }
  | { kind: 'interval'; variableId: string; figures: Summary }
  | { kind: 'done' };

/** How long the bootstrap runs before it lets a message in (a new request cancels it). */
const SLICE_MS = 40;

/**
 * Reads the project's answers one variable at a time from its answer blocks (a few hundred
 * appeals to a row, where `codings` has a row per answer), decodes each variable once into a
 * units × coders matrix of answer indices (`VariableUnits`, kept for the next subset of the same
 * data) and computes the dashboard's figures: every point estimate first, each as soon as it is
 * ready, then the bootstrap intervals, in slices that let a new request in.
 * Runs in the agreement worker (which opens the database itself), or on the UI thread where there
 * are no workers (jsdom tests).
 */
export class AgreementSource {
  private version = -1;
  private projectId = '';
  private read = new Map<string, Promise<VariableUnits>>();
  private dates: Promise<Map<string, string>> | null = null;
  /** The last figures computed per variable, with their units, for the detail and the intervals. */
  private last = new Map<string, UnitFigures>();
  private lastRows = new Map<string, VariableFigures['rows']>();

  constructor(private readonly db: KodtauDb) {}

  private reset(request: AgreementRequest) {
    if (request.version === this.version && request.projectId === this.projectId) return;
    this.version = request.version;
    this.projectId = request.projectId;
    this.read.clear();
    this.dates = null;
  }

  private units(variableId: string): Promise<VariableUnits> {
    let read = this.read.get(variableId);
    if (!read) {
      read = projectBlocks(this.db.answerBlocks, this.projectId, variableId).then(decodeBlocks);
      this.read.set(variableId, read);
    }
    return read;
  }

  /** Appeal id → date (metadata `date`), from the appeals' derived columns: no appeal is read. */
  private appealDates(): Promise<Map<string, string>> {
    this.dates ??= readAppealColumns(this.db.appealColumns, this.projectId).then((columns) =>
      metaById(columns, 'date'),
    );
    return this.dates;
  }

  /** The figures of `request`, as events; stops between steps when `cancelled()` turns true. */
  async *figures(request: AgreementRequest, cancelled: () => boolean): AsyncGenerator<AgreementEvent> {
    this.reset(request);
    const { subset } = request;
    const all = await Promise.all(request.variables.map((v) => this.units(v.id)));
    if (cancelled()) return;
    yield { kind: 'coders', coders: [...new Set(all.flatMap((units) => units.coders))].sort() };
    const dates = subset.from || subset.to ? await this.appealDates() : new Map<string, string>();
    const chosen = request.variables.filter((v) => v.kind !== 'text');
    this.last.clear();
    this.lastRows.clear();
    for (const variable of chosen) {
      await pause();
      if (cancelled()) return;
      const units = subsetUnits(all[request.variables.indexOf(variable)]!, dates, subset);
      const figures = unitFigures(variable, units, subset.overlapOnly);
      this.last.set(variable.id, figures);
      yield { kind: 'point', figures: { ...figures.figures, coderIds: figures.units.coders } };
    }
    // Each interval but the first on a helper worker of its own, drawn meanwhile (the bootstrap is
    // the longest part of a subset change); the first here, in slices.
    const jobs = chosen.flatMap((variable) => {
      const last = this.last.get(variable.id)!;
      return last.figures.report && last.data
        ? [{ variable, ...last, report: last.figures.report, data: last.data }]
        : [];
    });
    const helpers = jobs.map((job, i) => (i > 0 ? offThread(job.data, job.report.level) : null));
    try {
      for (const [i, { variable, figures, units, data, report }] of jobs.entries()) {
        const helped = helpers[i] ? await untilDone(helpers[i].interval, cancelled) : undefined;
        if (cancelled()) return;
        let interval = helped;
        if (!interval) {
          const steps = alphaBootstrapSteps(data, report.level, {
            samples: BOOTSTRAP.bootstrap,
            seed: BOOTSTRAP.seed,
          });
          let slice = Number.NEGATIVE_INFINITY;
          let step = steps.next();
          for (; !step.done; step = steps.next()) {
            if (performance.now() - slice < SLICE_MS) continue;
            await pause();
            if (cancelled()) return;
            slice = performance.now();
          }
          interval = step.value;
        }
        const done = {
          ...figures,
          ci: 'ci95' in interval ? interval.ci95 : null,
          report: { ...report, alphaBootstrap: interval },
        };
        this.last.set(variable.id, { figures: done, units, data });
        yield { kind: 'interval', variableId: variable.id, figures: { ...done, coderIds: units.coders } };
      }
    } finally {
      for (const helper of helpers) helper?.stop();
    }
    yield { kind: 'done' };
  }

  /**
   * The variable's agreement over time (α per period, each coder's agreement with the others or
   * the consensus) on the request's subset, with the same bootstrap seed as the dashboard.
   */
  async drift(request: AgreementRequest, variableId: string, axis: DriftAxis): Promise<Drift | null> {
    this.reset(request);
    const variable = request.variables.find((v) => v.id === variableId);
    if (!variable || variable.kind === 'text') return null;
    const { subset } = request;
    const dates = subset.from || subset.to ? await this.appealDates() : new Map<string, string>();
    // Drift needs each coding's time, which the blocks leave out: the variable's rows, read when asked.
    const rows = await variableCodings(request.projectId, variableId, this.db);
    const codings = subsetCodings(rows, dates, subset);
    const consensus = await this.db.consensus
      .where('[projectId+variableId]')
      .equals([request.projectId, variableId])
      .toArray();
    return {
      variableId,
      axis,
      alpha: alphaDrift(codings, variable, axis, { samples: 200, seed: BOOTSTRAP.seed }),
      coders: coderDrift(codings, consensus, variable, axis),
    };
  }

  /** How many appeals the project holds and how many answers were adjudicated. */
  async counts(projectId: string): Promise<ProjectCounts> {
    const [appeals, adjudicated] = await Promise.all([
      appealCount(projectId, this.db),
      this.db.consensus
        .where('projectId')
        .equals(projectId)
        .filter((c) => c.method === 'adjudicated')
        .count(),
    ]);
    return { appeals, adjudicated };
  }

  /** The matrix the last figures of a variable were computed on (laid out when first asked for). */
  rows(variableId: string): VariableFigures['rows'] | undefined {
    const last = this.last.get(variableId);
    if (!last) return undefined;
    let rows = this.lastRows.get(variableId);
    if (!rows) this.lastRows.set(variableId, (rows = unitRows(last.figures.variable, last.units)));
    return rows;
  }
}

type Interval = ReturnType<typeof alphaBootstrap>;

/**
 * `alphaBootstrap` of `data` on a worker of its own (bootstrapWorker.ts), the same interval;
 * null where this thread cannot start one (jsdom tests). The interval is undefined when the
 * worker failed: it is then drawn here.
 */
function offThread(data: ReliabilityData, level: Level) {
  if (typeof Worker === 'undefined') return null;
  const worker = new Worker(new URL('./bootstrapWorker.ts', import.meta.url), { type: 'module' });
  const interval = new Promise<Interval | undefined>((resolve) => {
    worker.addEventListener('message', (event: MessageEvent<Interval>) => resolve(event.data));
    worker.addEventListener('error', () => resolve(undefined));
  });
  worker.postMessage({ data, level });
  return { interval, stop: () => worker.terminate() };
}

/** What `interval` gives, looking every slice whether the request was cancelled (then undefined). */
async function untilDone(interval: Promise<Interval | undefined>, cancelled: () => boolean) {
  const waiting = Symbol('waiting');
  for (;;) {
    const found = await Promise.race([
      interval,
      new Promise<typeof waiting>((resolve) => setTimeout(() => resolve(waiting), SLICE_MS)),
    ]);
    if (found !== waiting) return found;
    if (cancelled()) return undefined;
  }
}

/** Lets a message in (a new request cancels this one) before the next long step. */
const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

export function summary({ rows, ...figures }: VariableFigures): Summary {
  return { ...figures, coderIds: rows.coders };
}
