import { useEffect, useState } from 'react';
import type { Consensus } from '../../../shared/model/index.ts';
import { db } from '../../db/db.ts';
import { queueChunks, type QueueChunk } from './adjudicationSource.ts';
import { settle, type QueueItem } from './adjudicationQueue.ts';

export interface QueueRequest {
  id: number;
  projectId: string;
  by: string;
}
export type QueueReply =
  { id: number; chunk: QueueChunk } | { id: number; done: true } | { id: number; error: string };

export interface QueueState {
  projectId: string;
  items: QueueItem[];
  agreed: number;
  /** Every chunk is in. */
  complete: boolean;
}

let requests = 0;

/**
 * The adjudication queue of the project: built once, when the screen opens, by the adjudication
 * worker (on this thread where there are no workers), chunk by chunk; then kept up to date here —
 * a decision changes its item, it does not rebuild the queue.
 */
export function useQueue(projectId: string, by: string) {
  const [state, setState] = useState<QueueState>();
  useEffect(() => {
    const id = ++requests;
    let live = true;
    let items: QueueItem[] = [];
    let agreed = 0;
    // Drawn with the first slice (the first disagreement), then once the last slice is in: each
    // drawing goes over the whole queue.
    const take = (chunk: QueueChunk) => {
      const first = items.length === 0;
      items = items.concat(chunk.items);
      agreed += chunk.agreed;
      if (first || items.length === chunk.total) setState({ projectId, items, agreed, complete: false });
    };
    const finish = () => setState({ projectId, items, agreed, complete: true });
    if (typeof Worker === 'undefined') {
      void (async () => {
        for await (const chunk of queueChunks(db, projectId, by, () => !live)) take(chunk);
        if (live) finish();
      })();
      return () => {
        live = false;
      };
    }
    const worker = new Worker(new URL('./adjudicationWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<QueueReply>) => {
      const reply = event.data;
      if ('chunk' in reply) take(reply.chunk);
      else if ('done' in reply) finish();
      else throw new Error(reply.error);
    };
    worker.postMessage({ id, projectId, by } satisfies QueueRequest);
    return () => worker.terminate();
  }, [projectId, by]);

  /** Writes a decision, then changes its item in the queue: settled, no longer flagged. */
  async function decide(consensus: Consensus) {
    await settle(consensus);
    setState((last) => {
      if (!last) return last;
      const at = last.items.findIndex(
        (item) => item.appealId === consensus.appealId && item.variableId === consensus.variableId,
      );
      if (at < 0) return last;
      const items = last.items.slice();
      items[at] = { ...items[at]!, settled: consensus, review: undefined };
      return { ...last, items };
    });
  }

  return { queue: state?.projectId === projectId ? state : undefined, decide };
}
