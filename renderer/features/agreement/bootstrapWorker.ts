/// <reference lib="webworker" />
import { alphaBootstrap } from '../../../shared/agreement/index.ts';
import type { Level, ReliabilityData } from '../../../shared/agreement/types.ts';
import { BOOTSTRAP } from './agreementFigures.ts';

/**
 * One variable's bootstrap interval, for the agreement worker: it hands each interval but the
 * first to a worker of this kind, so that the intervals of a subset are drawn side by side.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.addEventListener('message', (event: MessageEvent<{ data: ReliabilityData; level: Level }>) => {
  const { data, level } = event.data;
  scope.postMessage(alphaBootstrap(data, level, { samples: BOOTSTRAP.bootstrap, seed: BOOTSTRAP.seed }));
});
