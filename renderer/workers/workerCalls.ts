/**
 * Calls into a module worker, and the worker's side of them: each request carries an id; the
 * worker answers it with progress messages and then one result or error. A `cancel` message
 * (id 0) is not answered: the running call sees it between two of its awaits and rejects.
 * Errors cross as their name, message and own fields (an ImportError's code and line) and are
 * rebuilt on the calling side.
 */
export type CallRequest = { method: string; id: number };

export type CallReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: CrossedError }
  | { id: number; progress: unknown };

/** An error as it crosses from the worker. */
export type CrossedError = { name: string; message: string } & Record<string, unknown>;

export interface WorkerCalls<Request extends { method: string }, Progress> {
  call<T>(request: Request, onProgress?: (progress: Progress) => void, transfer?: Transferable[]): Promise<T>;
  /** Asks the running call to stop. */
  cancel(): void;
  dispose(): void;
}

/** The calling side, over a worker made by the caller (`new Worker(new URL(…), …)`, for the bundler). */
export function workerCalls<Request extends { method: string }, Progress>(
  worker: Worker,
  rebuildError: (error: CrossedError) => Error,
): WorkerCalls<Request, Progress> {
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve: (value: never) => void; reject: (error: unknown) => void; onProgress?: (p: Progress) => void }
  >();
  worker.addEventListener('message', (event: MessageEvent<CallReply>) => {
    const message = event.data;
    const call = pending.get(message.id);
    if (!call) return;
    if ('progress' in message) {
      call.onProgress?.(message.progress as Progress);
      return;
    }
    pending.delete(message.id);
    if (message.ok) call.resolve(message.value as never);
    else call.reject(rebuildError(message.error));
  });
  worker.addEventListener('error', (event) => {
    for (const call of pending.values()) call.reject(new Error(event.message));
    pending.clear();
  });
  return {
    call: <T>(request: Request, onProgress?: (progress: Progress) => void, transfer: Transferable[] = []) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as (value: never) => void, reject, onProgress });
        worker.postMessage({ ...request, id }, transfer);
      }),
    cancel: () => worker.postMessage({ id: 0, method: 'cancel' } satisfies CallRequest),
    dispose: () => worker.terminate(),
  };
}

/**
 * The worker's side: runs each request with `run`, which reports progress through its second
 * argument; a `cancel` message goes to `cancel`. A result's `transfer(value)` buffers move, not copy.
 */
export function serveCalls<Request extends CallRequest>(
  run: (request: Request, progress: (progress: unknown) => void) => Promise<unknown>,
  cancel: () => void,
  transfer: (value: unknown) => Transferable[] = () => [],
): void {
  // A dedicated worker's global scope, typed by hand: this module is imported by the UI thread too.
  const scope = self as unknown as {
    addEventListener(type: 'message', listener: (event: MessageEvent<Request>) => void): void;
    postMessage(message: CallReply, transfer: Transferable[]): void;
  };
  scope.addEventListener('message', (event: MessageEvent<Request>) => {
    const request = event.data;
    if (request.method === 'cancel') {
      cancel();
      return;
    }
    const reply = (message: CallReply, moved: Transferable[] = []) => scope.postMessage(message, moved);
    run(request, (progress) => reply({ id: request.id, progress })).then(
      (value) => reply({ id: request.id, ok: true, value }, transfer(value)),
      (error: unknown) => reply({ id: request.id, ok: false, error: crossed(error) }),
    );
  });
}

function crossed(error: unknown): CrossedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  // Own fields that survive structured cloning: an ImportError's code and line, a problem.
  const own = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
  return { ...own, name: error.name, message: error.message };
}
