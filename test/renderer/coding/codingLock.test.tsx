// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useCodingLock } from '../../../renderer/features/coding/codingLock.ts';

type Callback = (lock: Lock | null) => unknown;
interface Holder {
  stolen: (error: DOMException) => void;
}

/**
 * The Web Locks API as the spec describes it, for exclusive locks: `ifAvailable` answers null
 * when held, `steal` aborts the holder's request, `signal` takes a waiting request out of the
 * queue. Shared by every "window" of a test, as the browser shares it between tabs.
 */
function fakeLockManager() {
  const held = new Map<string, Holder>();
  const waiting = new Map<string, (() => void)[]>();
  const abort = () => new DOMException('aborted', 'AbortError');
  function grant(
    name: string,
    callback: Callback,
    resolve: (v: unknown) => void,
    reject: (e: unknown) => void,
  ) {
    let stolen = false;
    const holder: Holder = {
      stolen: (error) => {
        stolen = true;
        reject(error);
      },
    };
    held.set(name, holder);
    void Promise.resolve(callback({ name, mode: 'exclusive' } as Lock)).then((value) => {
      if (stolen) return;
      held.delete(name);
      waiting.get(name)?.shift()?.();
      resolve(value);
    });
  }
  const locks = {
    request(name: string, options: LockOptions, callback: Callback) {
      return new Promise((resolve, reject) => {
        queueMicrotask(() => {
          if (options.steal) {
            held.get(name)?.stolen(abort());
            grant(name, callback, resolve, reject);
          } else if (!held.has(name)) grant(name, callback, resolve, reject);
          else if (options.ifAvailable) void Promise.resolve(callback(null)).then(resolve);
          else {
            const queue = waiting.get(name) ?? [];
            const entry = () => grant(name, callback, resolve, reject);
            queue.push(entry);
            waiting.set(name, queue);
            options.signal?.addEventListener('abort', () => {
              queue.splice(queue.indexOf(entry), 1);
              reject(abort());
            });
          }
        });
      });
    },
  };
  return locks as unknown as LockManager;
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'locks');
});

/** A "window" coding project p as coder c, in React's development double-run. */
const openWindow = (lost: () => void = () => {}) =>
  renderHook(() => useCodingLock('p', 'c', true, lost), { wrapper: StrictMode });

describe('useCodingLock', () => {
  it('without Web Locks (jsdom), the window codes', () => {
    const { result } = openWindow();
    expect(result.current.elsewhere).toBe(false);
  });

  it('the second window watches; taking over swaps them; the holder closing frees the other', async () => {
    Object.defineProperty(navigator, 'locks', { value: fakeLockManager(), configurable: true });
    let firstLost = 0;
    const first = openWindow(() => firstLost++);
    await act(() => new Promise((resolve) => setTimeout(resolve)));
    const second = openWindow();
    await waitFor(() => expect(second.result.current.elsewhere).toBe(true));
    expect(first.result.current.elsewhere).toBe(false);

    act(() => second.result.current.takeOver());
    await waitFor(() => expect(first.result.current.elsewhere).toBe(true));
    await waitFor(() => expect(second.result.current.elsewhere).toBe(false));
    expect(firstLost).toBeGreaterThan(0);

    second.unmount();
    await waitFor(() => expect(first.result.current.elsewhere).toBe(false));
    first.unmount();
  });
});
