import { useEffect, useState } from 'react';

/** Why a write did not reach IndexedDB: the storage is full, or anything else. */
export type WriteFailure = 'quota' | 'write';

/** Waits between automatic retries of a failed write; the last one repeats. */
export const RETRY_DELAYS_MS: readonly number[] = [1000, 2000, 5000, 10_000, 30_000];

/**
 * Whether `error` says the storage is full. The browser reports it as a DOMException named
 * `QuotaExceededError`, on the request or on the aborted transaction; Dexie passes it on under
 * that name or wraps it (an `AbortError` or `BulkError` with the DOMException inside).
 */
function isQuotaError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const { name, inner, cause, failures } = error as {
    name?: unknown;
    inner?: unknown;
    cause?: unknown;
    failures?: unknown;
  };
  if (name === 'QuotaExceededError') return true;
  const nested = [inner, cause, ...(Array.isArray(failures) ? failures : [])];
  return nested.some((e) => isQuotaError(e, depth + 1));
}

export const writeFailureOf = (error: unknown): WriteFailure => (isQuotaError(error) ? 'quota' : 'write');

/**
 * Changes wait for the ones before them, so they commit in the order the coder made them. A
 * change that fails is tried again (after RETRY_DELAYS_MS, or at once on `retryNow`) until it is
 * stored, and the changes after it wait for it: none is lost or put out of order. Closed (the
 * screen left), a failing change gives up and its promise rejects.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();
  /** Changes queued and not yet stored (or given up). */
  private pending = 0;
  private failure: WriteFailure | null = null;
  private closed = false;
  private wake: (() => void) | undefined;
  private readonly listeners = new Set<(failure: WriteFailure | null) => void>();

  constructor(private readonly delays: readonly number[] = RETRY_DELAYS_MS) {}

  enqueue<T>(task: () => Promise<T>): Promise<T> {
    this.pending++;
    const result = this.tail.then(() => this.untilStored(task)).finally(() => this.pending--);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** True when every change queued so far is stored, known at once (what `settled` would resolve to). */
  idle(): boolean {
    return this.pending === 0 && !this.failure;
  }

  /** True once every change queued so far is stored; false as soon as one of them fails. */
  settled(): Promise<boolean> {
    if (this.failure) return Promise.resolve(false);
    return new Promise((resolve) => {
      const onFailure = (failure: WriteFailure | null) => failure && done(false);
      const done = (stored: boolean) => {
        this.listeners.delete(onFailure);
        resolve(stored);
      };
      this.listeners.add(onFailure);
      void this.tail.then(() => done(true));
    });
  }

  /** Calls `listener` with each failure and with null once the failed change is stored. */
  subscribe(listener: (failure: WriteFailure | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tries a failed change again now instead of after its wait. */
  retryNow(): void {
    this.wake?.();
  }

  open(): void {
    this.closed = false;
  }

  close(): void {
    this.closed = true;
    this.wake?.();
  }

  private async untilStored<T>(task: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await task();
        if (this.failure) this.report(null);
        return result;
      } catch (error) {
        if (this.closed) throw error;
        this.report(writeFailureOf(error));
        await this.pause(this.delays[Math.min(attempt, this.delays.length - 1)]!);
        if (this.closed) throw error;
      }
    }
  }

  private report(failure: WriteFailure | null) {
    this.failure = failure;
    for (const listener of [...this.listeners]) listener(failure);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}

/** A write queue for one mounted screen, with its current failure (null while writes succeed). */
export function useWriteQueue() {
  const [queue] = useState(() => new WriteQueue());
  const [failure, setFailure] = useState<WriteFailure | null>(null);
  useEffect(() => {
    queue.open();
    const unsubscribe = queue.subscribe(setFailure);
    return () => {
      unsubscribe();
      queue.close();
    };
  }, [queue]);
  return {
    enqueue: <T>(task: () => Promise<T>) => queue.enqueue(task),
    allStored: () => queue.settled(),
    allStoredNow: () => queue.idle(),
    retryNow: () => queue.retryNow(),
    failure,
  };
}
