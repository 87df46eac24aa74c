import { db } from '../../db/db.ts';
import type { VariableFigures } from './agreementFigures.ts';
import { AgreementSource, type AgreementEvent, type AgreementRequest } from './agreementSource.ts';

export type WorkerRequest =
  | { kind: 'figures'; id: number; request: AgreementRequest }
  | { kind: 'rows'; id: number; variableId: string };
export type WorkerReply =
  | { id: number; event: AgreementEvent }
  | { id: number; rows: VariableFigures['rows'] | null }
  | { id: number; error: string };

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

  /** The matrix behind the last figures of a variable (for the detail), once they are complete. */
  rows(variableId: string): Promise<VariableFigures['rows'] | null> {
    const worker = this.start();
    if (!worker) return Promise.resolve(this.local!.rows(variableId) ?? null);
    const id = ++this.next;
    return new Promise((resolve) => {
      this.listeners.set(id, (reply) => {
        this.listeners.delete(id);
        resolve('rows' in reply ? reply.rows : null);
      });
      worker.postMessage({ kind: 'rows', id, variableId } satisfies WorkerRequest);
    });
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
