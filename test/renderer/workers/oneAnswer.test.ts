// @vitest-environment jsdom
// A worker asked one question: its answer or its failure comes back, and the worker is ended.
// (fileReadWorker.ts, which reads picked files, runs in the e2e tests' Chromium.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answer, ask } from '../../../renderer/workers/oneAnswer.ts';

/** The worker's global scope and the Worker the UI thread holds, joined as a browser joins them. */
function channel() {
  const scope = {
    onmessage: null as ((event: { data: unknown }) => void) | null,
    postMessage: (message: unknown, transfer: Transferable[]) => {
      moved.push(...transfer);
      worker.onmessage?.({ data: message } as MessageEvent);
    },
  };
  const moved: Transferable[] = [];
  const worker = {
    onmessage: null as ((event: MessageEvent) => void) | null,
    onerror: null as ((event: ErrorEvent) => void) | null,
    postMessage: (data: unknown) => queueMicrotask(() => scope.onmessage?.({ data })),
    terminate: vi.fn(),
  };
  vi.stubGlobal('self', scope);
  return { worker, moved, asWorker: worker as unknown as Worker };
}

describe('one question to a worker', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('gives the answer, moves the buffers the worker names, and ends the worker', async () => {
    const { worker, moved, asWorker } = channel();
    const buffer = new ArrayBuffer(4);
    answer(
      async (n: number) => ({ doubled: n * 2, buffer }),
      (value) => [value.buffer],
    );
    await expect(ask(asWorker, 21)).resolves.toEqual({ doubled: 42, buffer });
    expect(moved).toEqual([buffer]);
    expect(worker.terminate).toHaveBeenCalledOnce();
  });

  it("rejects with the worker's failure, and ends the worker", async () => {
    const { worker, asWorker } = channel();
    answer(async () => {
      throw new RangeError('Array buffer allocation failed');
    });
    await expect(ask(asWorker, null)).rejects.toThrow('Array buffer allocation failed');
    expect(worker.terminate).toHaveBeenCalledOnce();
  });

  it('rejects when the worker itself fails to run', async () => {
    const { worker, asWorker } = channel();
    worker.postMessage = () => worker.onerror?.({ message: 'script failed to load' } as ErrorEvent);
    await expect(ask(asWorker, null)).rejects.toThrow('script failed to load');
    expect(worker.terminate).toHaveBeenCalledOnce();
  });
});
