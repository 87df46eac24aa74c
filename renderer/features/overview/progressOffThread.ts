import { useEffect, useRef, useState } from 'react';
import { db } from '../../db/db.ts';
import { workerCalls, type WorkerCalls } from '../../workers/workerCalls.ts';
import { readFigures, type FiguresRequest, type FiguresResult } from './progressTask.ts';

type Method = FiguresRequest['method'];
type Request<M extends Method> = Extract<FiguresRequest, { method: M }>;

let figuresWorker: WorkerCalls<FiguresRequest, never> | undefined;

/**
 * Computes figures in the figures worker, which opens the database itself and stays for the next
 * question (where there are no workers, in jsdom tests, on this thread). A call takes a few
 * hundred milliseconds at 100 000 appeals: one no longer wanted runs to its end, unheard.
 */
export function figuresOffThread<M extends Method>(request: Request<M>): Promise<FiguresResult[M]> {
  if (typeof Worker === 'undefined') return readFigures<M>(db, request);
  figuresWorker ??= workerCalls<FiguresRequest, never>(
    new Worker(new URL('./progressWorker.ts', import.meta.url), { type: 'module' }),
    (error) => new Error(error.message),
  );
  return figuresWorker.call<FiguresResult[M]>(request);
}

/**
 * The figures `request` asks for, computed off the UI thread anew whenever `live` changes (the
 * result of a cheap live query that changes with the data): undefined until the first answer,
 * null when computing failed. While new figures are computed the last ones of the same request
 * stay; a figure of another request (another project) is never shown.
 */
export function useFigures<M extends Method>(
  request: Request<M> | null,
  live: unknown,
): FiguresResult[M] | null | undefined {
  const key = request ? JSON.stringify(request) : '';
  const [shown, setShown] = useState<{ key: string; value: FiguresResult[M] | null }>();
  // One call at a time: a change while one runs waits for it, and of several such only the last runs.
  const queue = useRef<Promise<void>>(Promise.resolve());
  useEffect(() => {
    if (!key || live === undefined) return;
    let current = true;
    queue.current = queue.current.then(async () => {
      if (!current) return;
      try {
        const value = await figuresOffThread(JSON.parse(key) as Request<M>);
        if (current) setShown({ key, value });
      } catch {
        if (current) setShown({ key, value: null });
      }
    });
    return () => {
      current = false;
    };
  }, [key, live]);
  return shown?.key === key ? shown.value : undefined;
}
