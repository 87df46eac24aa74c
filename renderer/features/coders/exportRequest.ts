/**
 * The application menu's "Export coder file" lands on the coders screen, which may not be mounted
 * yet: the request waits here until the screen takes it.
 */
let pending = false;
const listeners = new Set<() => void>();

export function requestCoderFileExport(): void {
  pending = true;
  for (const listener of listeners) listener();
}

/** Calls `onRequest` for a waiting request now and for each later one, until unsubscribed. */
export function onCoderFileExportRequest(onRequest: () => void): () => void {
  const take = () => {
    if (!pending) return;
    pending = false;
    onRequest();
  };
  listeners.add(take);
  take();
  return () => listeners.delete(take);
}
