import { useEffect, useState } from 'react';
import type { Consensus } from '../../../shared/model/index.ts';
import { db } from '../../db/db.ts';
import { queueChunks, type QueueChunk } from './adjudicationSource.ts';
import { settle } from './adjudicationQueue.ts';
import {
  emptyQueue,
  withChunk,
  withDecision,
  withFilter,
  type QueueFilter,
  type QueueState,
} from './queueState.ts';

export interface QueueRequest {
  id: number;
  projectId: string;
  by: string;
}
export type QueueReply =
  { id: number; chunk: QueueChunk } | { id: number; done: true } | { id: number; error: string };

let requests = 0;

/**
 * The adjudication queue of the project: built once, when the screen opens, by the adjudication
 * worker (on this thread where there are no workers), chunk by chunk; then kept up to date here —
 * a decision changes its item, the open count and the filtered view, it does not rebuild the
 * queue; a new filter goes over the queue once (see queueState.ts).
 */
export function useQueue(projectId: string, by: string) {
  const [state, setState] = useState<QueueState>();
  useEffect(() => {
    const id = ++requests;
    let live = true;
    let fresh = true;
    // Each chunk is added to the state as it comes (the screen draws the first disagreement from
    // the first, which starts a new state); its cost is the chunk's, whatever the queue's length.
    const take = (chunk: QueueChunk) => {
      const first = fresh;
      fresh = false;
      setState((last) => withChunk(first || !last ? emptyQueue(projectId) : last, chunk));
    };
    const finish = () => setState((last) => last && { ...last, complete: true });
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
    setState((last) => (last?.projectId === consensus.projectId ? withDecision(last, consensus) : last));
  }

  /** Narrows the queue to a variable, an answer pair, open or every item. */
  function filter(next: QueueFilter) {
    setState((last) => (last ? withFilter(last, next) : last));
  }

  return { queue: state?.projectId === projectId ? state : undefined, decide, filter };
}
