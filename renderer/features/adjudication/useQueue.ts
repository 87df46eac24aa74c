import { useEffect, useState } from 'react';
import type { Consensus } from '../../../shared/model/index.ts';
import { db } from '../../db/db.ts';
import { queuePages, type QueuePage } from './adjudicationSource.ts';
import { settle } from './adjudicationQueue.ts';
import {
  emptyQueue,
  withDecision,
  withFilter,
  withPage,
  type QueueFilter,
  type QueueState,
} from './queueState.ts';

export interface QueueRequest {
  id: number;
  projectId: string;
  by: string;
}
export type QueueReply =
  { id: number; page: QueuePage } | { id: number; done: true } | { id: number; error: string };

let requests = 0;

/**
 * The adjudication queue of the project: built once, when the screen opens, by the adjudication
 * worker (on this thread where there are no workers), page by page; then kept up to date here —
 * a decision changes its item's flags, the open count and the filtered view, it does not rebuild
 * the queue; a new filter goes over the queue once (see queueState.ts).
 */
export function useQueue(projectId: string, by: string) {
  const [state, setState] = useState<QueueState>();
  useEffect(() => {
    const id = ++requests;
    let live = true;
    // Each page is added to the state as it comes (the first starts a new state, sized for the
    // whole queue); its cost is the page's and the view's, a few typed arrays.
    const take = (page: QueuePage) =>
      setState((last) => withPage(page.head || !last ? emptyQueue(projectId) : last, page));
    const finish = () => setState((last) => last && { ...last, complete: true });
    if (typeof Worker === 'undefined') {
      void (async () => {
        for await (const page of queuePages(db, projectId, by, () => !live)) take(page);
        if (live) finish();
      })();
      return () => {
        live = false;
      };
    }
    const worker = new Worker(new URL('./adjudicationWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<QueueReply>) => {
      const reply = event.data;
      if ('page' in reply) take(reply.page);
      else if ('done' in reply) finish();
      else throw new Error(reply.error);
    };
    worker.postMessage({ id, projectId, by } satisfies QueueRequest);
    return () => worker.terminate();
  }, [projectId, by]);

  /** Writes a decision on the item at `at`, then changes it in the queue: settled, no longer flagged. */
  async function decide(at: number, consensus: Consensus) {
    await settle(consensus);
    setState((last) => (last?.projectId === consensus.projectId ? withDecision(last, at) : last));
  }

  /** Narrows the queue to a variable, an answer pair, open or every item. */
  function filter(next: QueueFilter) {
    setState((last) => (last ? withFilter(last, next) : last));
  }

  return { queue: state?.projectId === projectId ? state : undefined, decide, filter };
}
