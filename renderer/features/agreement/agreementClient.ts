import { db } from '../../db/db.ts';
import type { VariableFigures } from './agreementFigures.ts';
import type { DriftAxis } from '../../../shared/agreement/drift.ts';
import {
  AgreementSource,
  type AgreementEvent,
  type AgreementRequest,
  type Drift,
  type ProjectCounts,
} from './agreementSource.ts';

export type WorkerRequest =
  | { kind: 'figures'; id: number; request: AgreementRequest }
  | { kind: 'rows'; id: number; variableId: string }
  | { kind: 'drift'; id: number; request: AgreementRequest; variableId: string; axis: DriftAxis }
  | { kind: 'counts'; id: number; projectId: string };
export type WorkerReply =
  | { id: number; event: AgreementEvent }
  | { id: number; rows: VariableFigures['rows'] | null }
  | { id: number; drift: Drift | null }
  | { id: number; counts: ProjectCounts }
  | { id: number; error: string };

/** A request that gets one reply, without its id. */
type Ask = WorkerRequest extends infer R ? (R extends { kind: 'figures' } ? never : Omit<R, 'id'>) : never;

/**
 * The dashboard's side of the agreement worker: one request at a time (a new one cancels the
 * last), events as they come. Where there are no workers (jsdom tests) the same source runs on
 * this thread. `close()` ends the worker; a later request starts another.
 */
export class AgreementClient {
  private worker: Worker | null = null;
  private local: AgreementSource | null = null;
  /** The figures request being listened to; message ids count on from it. */
  private current = 0;
  private next = 0;
  private listeners = new Map<number, (reply: WorkerReply) => void>();

  private start(): Worker | null {
    if (typeof Worker === 'undefined') {
      this.local ??= new AgreementSource(db);
      return null;
    }
    if (!this.worker) {
      this.worker = new Worker(new URL('./agreementWorker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (event: MessageEvent<WorkerReply>) =>
        this.listeners.get(event.data.id)?.(event.data);
    }
    return this.worker;
  }

  /** Computes `request`'s figures; `onEvent` gets each event, `onError` a failure. Cancels the last request. */
  figures(
    request: AgreementRequest,
    onEvent: (event: AgreementEvent) => void,
    onError: (error: string) => void,
  ) {
    this.cancel();
    const id = (this.current = ++this.next);
    const worker = this.start();
    if (!worker) {
      void (async () => {
        try {
          for await (const event of this.local!.figures(request, () => this.current !== id)) onEvent(event);
        } catch (error) {
          onError(String(error));
        }
      })();
      return;
    }
    this.listeners.set(id, (reply) => {
      if ('event' in reply) onEvent(reply.event);
      else if ('error' in reply) onError(reply.error);
    });
    worker.postMessage({ kind: 'figures', id, request } satisfies WorkerRequest);
  }

  /** Sends a one-reply request to the worker; the reply, or its error as a rejection. */
  private ask(message: Ask): Promise<WorkerReply> {
    const worker = this.start()!;
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.listeners.set(id, (reply) => {
        this.listeners.delete(id);
        if ('error' in reply) reject(new Error(reply.error));
        else resolve(reply);
      });
      worker.postMessage({ ...message, id } as WorkerRequest);
    });
  }

  /** The matrix behind the last figures of a variable (for the detail), once they are complete. */
  async rows(variableId: string): Promise<VariableFigures['rows'] | null> {
    if (!this.start()) return this.local!.rows(variableId) ?? null;
    const reply = await this.ask({ kind: 'rows', variableId });
    return 'rows' in reply ? reply.rows : null;
  }

  /** The variable's agreement over time on the request's subset. */
  async drift(request: AgreementRequest, variableId: string, axis: DriftAxis): Promise<Drift | null> {
    if (!this.start()) return this.local!.drift(request, variableId, axis);
    const reply = await this.ask({ kind: 'drift', request, variableId, axis });
    return 'drift' in reply ? reply.drift : null;
  }

  /** The project's appeal count and adjudicated answers. */
  async counts(projectId: string): Promise<ProjectCounts> {
    if (!this.start()) return this.local!.counts(projectId);
    const reply = await this.ask({ kind: 'counts', projectId });
    if (!('counts' in reply)) throw new Error('no counts');
    return reply.counts;
  }

  /** Stops listening to the current request; the worker drops it at its next step. */
  cancel() {
    this.listeners.delete(this.current);
    this.current = 0;
  }

  close() {
    this.cancel();
    this.worker?.terminate();
    this.worker = null;
  }
}
