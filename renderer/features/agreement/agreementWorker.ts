/// <reference lib="webworker" />
import { figuresOf, type FiguresRequest } from './agreementFigures.ts';

/** Computes a dashboard's figures off the UI thread: the bootstrap of 100 000 units takes seconds. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.addEventListener('message', (event: MessageEvent<FiguresRequest>) => {
  try {
    scope.postMessage({ figures: figuresOf(event.data) });
  } catch (error) {
    scope.postMessage({ error: String(error) });
  }
});
