import { useEffect, useState } from 'react';
import { db } from '../../db/db.ts';
import { workerCalls } from '../../workers/workerCalls.ts';
import { readFigures, type FiguresRequest, type FiguresResult } from './progressTask.ts';

type Method = FiguresRequest['method'];
type Request<M extends Method> = Extract<FiguresRequest, { method: M }>;

/**
 * Computes figures in a worker that opens the database itself (where there are no workers, in
 * jsdom tests, on this thread); `stop` ends the worker and its reads.
 */
export function figuresOffThread<M extends Method>(
  request: Request<M>,
): { result: Promise<FiguresResult[M]>; stop: () => void } {
  if (typeof Worker === 'undefined') return { result: readFigures<M>(db, request), stop: () => {} };
  const worker = new Worker(new URL('./progressWorker.ts', import.meta.url), { type: 'module' });
  const calls = workerCalls<FiguresRequest, never>(worker, (error) => new Error(error.message));
  const result = calls.call<FiguresResult[M]>(request).finally(() => calls.dispose());
  return { result, stop: () => calls.dispose() };
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
  useEffect(() => {
    if (!key || live === undefined) return;
    let current = true;
    const { result, stop } = figuresOffThread(JSON.parse(key) as Request<M>);
    result.then(
      (value) => current && setShown({ key, value }),
      () => current && setShown({ key, value: null }),
    );
    return () => {
      current = false;
      stop();
    };
  }, [key, live]);
  return shown?.key === key ? shown.value : undefined;
}
