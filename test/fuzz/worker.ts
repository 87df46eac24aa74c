import { parentPort, workerData } from 'node:worker_threads';
import { buildInput, originals, readInput } from './fuzzInput.ts';
import { READERS, readerInputs } from './readers.ts';
import type { WorkerTask } from './runner.ts';

/**
 * One reader's inputs `from`…`to - 1` in a worker thread, each built from the run's seed and
 * its number alone (so the main thread can go on after a hang, and anyone can replay one
 * input); the outcome of each is posted as soon as it is known, which the watchdog listens for.
 */
const task = workerData as WorkerTask;
const reader = READERS.find((r) => r.name === task.reader)!;
const inputs = await readerInputs(task.reader);
const originalOf = originals(reader);
// The watchdog starts now: compiling and building the seeds is not the reader's time.
parentPort!.postMessage({ ready: true });

for (let index = task.from; index < task.to; index++) {
  const input = await buildInput(reader, inputs, task.seed, index);
  parentPort!.postMessage(await readInput(reader, input, index, originalOf));
}
