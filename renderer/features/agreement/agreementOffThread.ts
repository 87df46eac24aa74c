import { figuresOf, type FiguresRequest, type VariableFigures } from './agreementFigures.ts';

/**
 * Every variable's figures, computed in a worker so that a large project does not freeze the
 * window; where there are no workers (jsdom tests) on this thread, after a yield.
 */
export function figuresOffThread(request: FiguresRequest): Promise<VariableFigures[]> {
  if (typeof Worker === 'undefined') return Promise.resolve().then(() => figuresOf(request));
  const worker = new Worker(new URL('./agreementWorker.ts', import.meta.url), { type: 'module' });
  return new Promise<VariableFigures[]>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<{ figures?: VariableFigures[]; error?: string }>) =>
      event.data.figures ? resolve(event.data.figures) : reject(new Error(event.data.error));
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}
