import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { WriteQueue, writeFailureOf } from '../../../renderer/features/coding/writeQueue.ts';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('writeFailureOf', () => {
  it('tells a full disk however Dexie passes it on', () => {
    expect(writeFailureOf(quota())).toBe('quota');
    expect(writeFailureOf(new Dexie.QuotaExceededError('full'))).toBe('quota');
    expect(writeFailureOf(new Dexie.AbortError('aborted', quota()))).toBe('quota');
    expect(writeFailureOf(new Dexie.BulkError('bulk', [quota()]))).toBe('quota');
  });

  it('calls anything else a failed write', () => {
    expect(writeFailureOf(new DOMException('gone', 'UnknownError'))).toBe('write');
    expect(writeFailureOf(new Dexie.AbortError('aborted', new DOMException('x', 'UnknownError')))).toBe(
      'write',
    );
    expect(writeFailureOf(new Error('QuotaExceededError'))).toBe('write');
    expect(writeFailureOf(undefined)).toBe('write');
  });
});

describe('WriteQueue', () => {
  // Waits far longer than any test: a retry happens only when the test asks for it.
  const queue = () => new WriteQueue([60_000]);

  it('retries a failed change until it is stored; the changes after it wait, in order', async () => {
    const q = queue();
    const failures: (string | null)[] = [];
    q.subscribe((failure) => failures.push(failure));
    const done: string[] = [];
    let refusals = 2;
    const first = q.enqueue(async () => {
      if (refusals-- > 0) throw quota();
      done.push('first');
    });
    const second = q.enqueue(async () => void done.push('second'));
    expect(await q.settled()).toBe(false);
    expect(done).toEqual([]);
    q.retryNow();
    while (failures.length < 2) await new Promise((resolve) => setTimeout(resolve));
    q.retryNow();
    await Promise.all([first, second]);
    expect(done).toEqual(['first', 'second']);
    expect(failures).toEqual(['quota', 'quota', null]);
    expect(await q.settled()).toBe(true);
  });

  it('settled waits for the changes queued so far', async () => {
    const q = queue();
    let release = () => {};
    void q.enqueue(() => new Promise<void>((resolve) => (release = resolve)));
    let answer: boolean | undefined;
    const settled = q.settled().then((stored) => (answer = stored));
    await Promise.resolve();
    expect(answer).toBeUndefined();
    release();
    await settled;
    expect(answer).toBe(true);
  });

  it('closed, a failing change gives up and rejects', async () => {
    const q = queue();
    const failing = q.enqueue(() => Promise.reject(new DOMException('x', 'UnknownError')));
    expect(await q.settled()).toBe(false);
    q.close();
    await expect(failing).rejects.toThrow('x');
  });
});
