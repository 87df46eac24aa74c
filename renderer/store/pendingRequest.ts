/**
 * A request from the application menu to a screen that may not be mounted yet: it waits here
 * until the screen subscribes and takes it. The latest request wins.
 */
export interface PendingRequest<T> {
  request(value: T): void;
  /** Calls `onRequest` for a waiting request now and for each later one, until unsubscribed. */
  subscribe(onRequest: (value: T) => void): () => void;
}

export function createPendingRequest<T>(): PendingRequest<T> {
  let pending: { value: T } | null = null;
  const listeners = new Set<() => void>();
  return {
    request(value) {
      pending = { value };
      for (const listener of listeners) listener();
    },
    subscribe(onRequest) {
      const take = () => {
        if (!pending) return;
        const { value } = pending;
        pending = null;
        onRequest(value);
      };
      listeners.add(take);
      take();
      return () => {
        listeners.delete(take);
      };
    },
  };
}
