import { useEffect, useState } from 'react';
import { createInlineRunner, createWorkerRunner, type ImportRunner } from './importRunner.ts';

/** A runner for one wizard: a worker in a browser, in-process where there are no workers (jsdom). */
export function useImportRunner(): ImportRunner {
  const [runner] = useState(() =>
    typeof Worker === 'undefined' ? createInlineRunner() : createWorkerRunner(),
  );
  useEffect(() => () => runner.dispose(), [runner]);
  return runner;
}
