import { createPendingRequest } from '../../store/pendingRequest.ts';

/**
 * The application menu's "Export coder file" lands on the coders screen, which may not be mounted
 * yet: the request waits until the screen takes it.
 */
const coderFileExport = createPendingRequest<null>();

export function requestCoderFileExport(): void {
  coderFileExport.request(null);
}

/** Calls `onRequest` for a waiting request now and for each later one, until unsubscribed. */
export function onCoderFileExportRequest(onRequest: () => void): () => void {
  return coderFileExport.subscribe(onRequest);
}
