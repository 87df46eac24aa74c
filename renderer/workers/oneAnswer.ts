/**
 * A worker started for one question: `ask` sends it and resolves with the worker's one answer,
 * then ends the worker; `answer` is the worker's side. A failure crosses as its message.
 */
type Answer<T> = { value: T } | { error: string };

/** Asks a worker made by the caller (`new Worker(new URL(…), …)`, for the bundler); `transfer` moves buffers. */
export function ask<T>(worker: Worker, question: unknown, transfer: Transferable[] = []): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<Answer<T>>) =>
      'error' in data ? reject(new Error(data.error)) : resolve(data.value);
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage(question, transfer);
  }).finally(() => worker.terminate());
}

/** The worker's side: answers the question with `reply`; `transfer(value)` buffers move, not copy. */
export function answer<Question, T>(
  reply: (question: Question) => Promise<T>,
  transfer: (value: T) => Transferable[] = () => [],
): void {
  // A dedicated worker's global scope, typed by hand: this module is type-checked with the DOM's.
  const scope = self as unknown as {
    onmessage: (event: MessageEvent<Question>) => void;
    postMessage(message: Answer<T>, transfer: Transferable[]): void;
  };
  scope.onmessage = ({ data }) => {
    reply(data).then(
      (value) => scope.postMessage({ value }, transfer(value)),
      (error: unknown) =>
        scope.postMessage({ error: error instanceof Error ? error.message : String(error) }, []),
    );
  };
}
