import { Dexie } from 'dexie';
import { codingUnits, unitAgrees } from '../../../shared/consensus/codingUnits.ts';
import type { Coding, Consensus } from '../../../shared/model/index.ts';
import type { KodtauDb } from '../../db/db.ts';
import { pairOf, unitKey, type QueueItem } from './adjudicationQueue.ts';

/** Codings read at a time: a few thousand appeals of a 3-coder, 4-variable project. */
const CHUNK = 40_000;

/** One step of the queue's build: the next disagreements in appeal order, and the agreed units among them. */
export interface QueueChunk {
  items: QueueItem[];
  agreed: number;
  /** The whole queue again, in order: it replaces the chunks before. */
  replace?: true;
}

/**
 * Builds the adjudication queue by walking the `[projectId+appealId]` index a chunk of codings
 * at a time, so that no step holds the project's codings: each chunk's units (appeal × variable)
 * coded by two or more coders, with their consensus and review flags read for the chunk's appeals
 * only. Units every coder agrees on and not yet settled are written to the consensus as "agreed"
 * (by `by`). Runs in the adjudication worker, or on the UI thread
 * where there are no workers (jsdom tests). Items come in IndexedDB's key order of appeal ids;
 * the screen sorts the whole queue as `buildQueue` does once the last chunk is in.
 */
export async function* queueChunks(
  db: KodtauDb,
  projectId: string,
  by: string,
  cancelled: () => boolean,
  chunk = CHUNK,
): AsyncGenerator<QueueChunk> {
  let from: string | typeof Dexie.minKey = Dexie.minKey;
  const all: QueueItem[] = [];
  for (;;) {
    const read: Coding[] = await db.codings
      .where('[projectId+appealId]')
      .between([projectId, from], [projectId, Dexie.maxKey], true, true)
      .limit(chunk)
      .toArray();
    if (cancelled()) return;
    let codings = read;
    let next: string | null = null;
    if (read.length === chunk) {
      // The last appeal of a full chunk may go on in the next: it is read again there, whole.
      const last = read.at(-1)!.appealId;
      if (read[0]!.appealId !== last) {
        codings = read.filter((c) => c.appealId !== last);
        next = last;
      } else {
        codings = await db.codings.where('[projectId+appealId]').equals([projectId, last]).toArray();
        next = `${last}\u0000`;
      }
    }
    if (codings.length === 0) break;
    const first = codings[0]!.appealId;
    const end = codings.at(-1)!.appealId;
    const range = [
      [projectId, first, Dexie.minKey],
      [projectId, end, Dexie.maxKey],
    ] as const;
    const [consensus, reviews] = await Promise.all([
      db.consensus
        .where('[projectId+appealId+variableId]')
        .between(...range, true, true)
        .toArray(),
      db.reviews
        .where('[projectId+appealId+variableId]')
        .between(...range, true, true)
        .toArray(),
    ]);
    const settled = new Map(consensus.map((c) => [unitKey(c), c]));
    const flagged = new Map(reviews.map((r) => [unitKey(r), r]));
    const units = codingUnits(codings);
    const items: QueueItem[] = [];
    const agreedOpen: Consensus[] = [];
    let agreed = 0;
    for (const unit of units) {
      const key = unitKey(unit);
      const agrees = unitAgrees(unit);
      if (agrees) agreed++;
      if (!agrees || flagged.has(key))
        items.push({
          appealId: unit.appealId,
          variableId: unit.variableId,
          settled: settled.get(key),
          review: flagged.get(key),
          pair: pairOf(unit.codings),
        });
      else if (!settled.has(key)) {
        const coding = unit.codings[0]!;
        agreedOpen.push({
          projectId,
          appealId: unit.appealId,
          variableId: unit.variableId,
          values: coding.values,
          ...(coding.text !== undefined ? { text: coding.text } : {}),
          method: 'agreed',
          by,
          at: new Date().toISOString(),
        });
      }
    }
    if (agreedOpen.length > 0) await db.consensus.bulkPut(agreedOpen);
    if (cancelled()) return;
    all.push(...items);
    yield { items, agreed };
    if (next === null) break;
    from = next;
  }
  // Appeal ids in key order are almost always in `buildQueue`'s (locale) order too; where not, the whole queue follows in it.
  const before = (a: QueueItem, b: QueueItem) =>
    a.appealId.localeCompare(b.appealId) || a.variableId.localeCompare(b.variableId);
  if (all.some((item, i) => i > 0 && before(all[i - 1]!, item) > 0))
    yield { items: all.sort(before), agreed: 0, replace: true };
}
