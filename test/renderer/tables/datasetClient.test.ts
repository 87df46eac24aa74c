import { afterEach, describe, expect, it, vi } from 'vitest';
import { Cancelled } from '../../../renderer/features/tables/datasetCalls.ts';
import { DatasetClient } from '../../../renderer/features/tables/datasetClient.ts';

/** A worker that only records what it is sent. */
class RecordingWorker {
  static last: RecordingWorker | null = null;
  sent: unknown[] = [];
  onmessage: unknown = null;
  onerror: unknown = null;
  constructor() {
    RecordingWorker.last = this;
  }
  postMessage(message: unknown) {
    this.sent.push(message);
  }
  terminate() {}
}

const version = { projectId: 'p', codings: 1, appeals: 1 };

describe('DatasetClient', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('never sends the worker a call cancelled in the task that made it, and sends the one after', async () => {
    vi.stubGlobal('Worker', RecordingWorker);
    const client = new DatasetClient();
    // A screen changing two choices at once: asks, drops that, asks again.
    const first = client.call({ kind: 'overview', version });
    first.cancel();
    const asked = client.call({ kind: 'overview', version: { ...version, codings: 2 } });
    asked.result.catch(() => {});
    await expect(first.result).rejects.toBeInstanceOf(Cancelled);
    const worker = RecordingWorker.last!;
    expect(worker.sent).toEqual([{ id: 2, call: { kind: 'overview', version: { ...version, codings: 2 } } }]);
    // Cancelled once sent, the worker is told.
    const second = client.call({ kind: 'overview', version });
    await Promise.resolve();
    second.cancel();
    await expect(second.result).rejects.toBeInstanceOf(Cancelled);
    expect(worker.sent.slice(1)).toEqual([
      { id: 3, call: { kind: 'overview', version } },
      { id: 3, cancel: true },
    ]);
    client.close();
  });
});
