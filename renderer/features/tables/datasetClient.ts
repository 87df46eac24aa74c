import { db } from '../../db/db.ts';
import {
  answer,
  Cancelled,
  type DatasetCall,
  type DatasetResults,
  type WorkerReply,
  type WorkerRequest,
} from './datasetCalls.ts';
import { DatasetSource, type DatasetProgress } from './datasetSource.ts';

interface Pending {
  resolve: (result: never) => void;
  reject: (error: Error) => void;
  progress?: (p: DatasetProgress) => void;
}

/** A call in flight: its answer, and the way to stop it. */
export interface Running<T> {
  result: Promise<T>;
  /** Stops the call: `result` rejects with `Cancelled` at once, the worker stops at its next step. */
  cancel: () => void;
}

/**
 * The screens' side of the dataset worker: each call gets its own answer, progress on the way.
 * Where there are no workers (jsdom tests) the same source runs on this thread. `close()` ends
 * the worker; a later call starts another.
 */
export class DatasetClient {
  private worker: Worker | null = null;
  private local: DatasetSource | null = null;
  private next = 0;
  private pending = new Map<number, Pending>();
  private stopped = new Set<number>();
  /** Calls not yet sent to the worker (see `call`). */
  private queued = new Set<number>();

  call<K extends DatasetCall['kind']>(
    call: Extract<DatasetCall, { kind: K }>,
    progress?: (p: DatasetProgress) => void,
  ): Running<DatasetResults[K]> {
    const id = ++this.next;
    const result = new Promise<DatasetResults[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (result: never) => void, reject, progress });
    });
    const worker = this.start();
    if (worker) {
      // Sent at the end of this task: a call cancelled in the same task (a screen changing two
      // choices at once asks, drops and asks again) never reaches the worker, which would
      // otherwise count it in full before it reads the cancel.
      this.queued.add(id);
      queueMicrotask(() => {
        if (this.queued.delete(id)) worker.postMessage({ id, call } satisfies WorkerRequest);
      });
    } else {
      const step = (p: DatasetProgress) => {
        if (this.stopped.has(id)) throw new Cancelled();
        this.pending.get(id)?.progress?.(p);
      };
      answer(this.local!, call, step).then(
        (value) => this.settle({ id, result: value }),
        (error: unknown) => this.settle({ id, error: String(error) }),
      );
    }
    return { result, cancel: () => this.cancel(id) };
  }

  private start(): Worker | null {
    if (typeof Worker === 'undefined') {
      this.local ??= new DatasetSource(db);
      return null;
    }
    if (!this.worker) {
      this.worker = new Worker(new URL('./datasetWorker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (event: MessageEvent<WorkerReply>) => this.settle(event.data);
      this.worker.onerror = (event) => {
        for (const id of this.pending.keys()) this.settle({ id, error: event.message });
      };
    }
    return this.worker;
  }

  private settle(reply: WorkerReply) {
    const pending = this.pending.get(reply.id);
    if (!('progress' in reply)) this.stopped.delete(reply.id);
    if (!pending) return;
    if ('progress' in reply) {
      pending.progress?.(reply.progress);
      return;
    }
    this.pending.delete(reply.id);
    if ('error' in reply) pending.reject(new Error(reply.error));
    else pending.resolve(reply.result as never);
  }

  private cancel(id: number) {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    // One not sent yet is simply not sent.
    if (!this.queued.delete(id)) {
      this.stopped.add(id);
      this.worker?.postMessage({ id, cancel: true } satisfies WorkerRequest);
    }
    pending.reject(new Cancelled());
  }

  close() {
    for (const id of [...this.pending.keys()]) this.cancel(id);
    this.worker?.terminate();
    this.worker = null;
  }
}
