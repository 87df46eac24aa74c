import { Dexie } from 'dexie';
import type { Variable } from '../../../shared/model/index.ts';
import type { CodingFilter } from '../../store/codingSlice.ts';
import { db } from '../../db/db.ts';
import { sourceOnThisThread } from './appealList.ts';
import { Superseded, touchedBy, type AppealList, type Touched } from './appealListSource.ts';

interface Asked {
  projectId: string;
  coderId: string;
  variables: readonly Variable[];
}
export type ListRequest =
  | ({ kind: 'list'; id: number; filter: CodingFilter } & Asked)
  | ({ kind: 'coded'; id: number } & Asked)
  | { kind: 'warm'; id: number; projectId: string; coderId: string }
  | { kind: 'mutated'; id: number; touched: Touched };
export interface ListReply {
  id: number;
  list?: AppealList;
  coded?: string[];
  superseded?: true;
  error?: string;
}

let worker: Worker | null = null;
let passOnWrites: ((parts: Record<string, unknown>) => void) | null = null;
let next = 0;
let latestList = 0;
const waiting = new Map<number, (reply: ListReply) => void>();

/** One worker for the life of the page: it keeps the project's appeals and coder states between requests. */
function listWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./appealListWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ListReply>) => {
      waiting.get(event.data.id)?.(event.data);
      waiting.delete(event.data.id);
    };
    // Every write this thread sees (its own at once) reaches the worker ahead of the next request.
    const passOn = worker;
    passOnWrites = (parts) =>
      passOn.postMessage({
        kind: 'mutated',
        id: 0,
        touched: touchedBy(db.name, parts),
      } satisfies ListRequest);
    Dexie.on('storagemutated', passOnWrites);
  }
  return worker;
}

function ask(request: ListRequest): Promise<ListReply> {
  const to = listWorker();
  return new Promise((resolve) => {
    waiting.set(request.id, resolve);
    to.postMessage(request);
  });
}

/**
 * The appeals that pass `filter` for `coderId`, worked out in a worker (appealListWorker.ts); where
 * there are no workers (jsdom tests) on this thread. A newer call makes this one stale: it resolves
 * to null, and the worker stops working on it.
 */
export async function requestAppealList(
  projectId: string,
  coderId: string,
  filter: CodingFilter,
  variables: readonly Variable[],
): Promise<AppealList | null> {
  const id = (latestList = ++next);
  if (typeof Worker === 'undefined') {
    return sourceOnThisThread()
      .list(projectId, coderId, filter, variables, () => latestList !== id)
      .catch((error: unknown) => {
        if (error instanceof Superseded) return null;
        throw error;
      });
  }
  const reply = await ask({ kind: 'list', id, projectId, coderId, filter, variables });
  if (reply.error) throw new Error(reply.error);
  return reply.list ?? null;
}

/** The appeals `coderId` has coded (see `isCoded`), from the worker's walk over the codings' keys. */
export async function requestCodedAppeals(
  projectId: string,
  coderId: string,
  variables: readonly Variable[],
): Promise<Set<string>> {
  // A copy: the source keeps its own set up to date.
  if (typeof Worker === 'undefined')
    return new Set(await sourceOnThisThread().coded(projectId, coderId, variables));
  const reply = await ask({ kind: 'coded', id: ++next, projectId, coderId, variables });
  if (reply.error) throw new Error(reply.error);
  return new Set(reply.coded);
}

/**
 * Starts reading what the filters and the search read of the project's appeals and the
 * coder's flags (seconds at
 * 100 000 appeals, and IndexedDB serves one request at a time): the screen asks once its first
 * appeal and list are shown, so that they do not wait behind it.
 */
export function warmAppealList(projectId: string, coderId: string) {
  if (typeof Worker === 'undefined') sourceOnThisThread().warm(projectId, coderId);
  else listWorker().postMessage({ kind: 'warm', id: 0, projectId, coderId } satisfies ListRequest);
}

/**
 * Ends the worker and what it keeps (a 100 000-appeal project's texts): the coding screen calls
 * this when it closes, so other screens do not carry it. Requests still out answer as stale.
 */
export function releaseAppealLists() {
  if (passOnWrites) Dexie.on('storagemutated').unsubscribe(passOnWrites);
  passOnWrites = null;
  worker?.terminate();
  worker = null;
  for (const [id, resolve] of waiting) resolve({ id, superseded: true });
  waiting.clear();
}
