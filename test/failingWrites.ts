/**
 * The test hook for failed writes, in jsdom (fake-indexeddb) and in Chromium (the page's own
 * IndexedDB, installed with `page.addInitScript`): while `globalThis.__kodtauFailWrites` names a
 * DOMException ('QuotaExceededError' for a full disk, 'UnknownError' for anything else), every
 * IndexedDB write throws it, as the browser does, and the app meets it through Dexie as it would
 * meet the real one. Unset, writes go through. Nothing of this is in the app: it wraps the
 * browser's API from outside. Self-contained, so that it can be sent to a page.
 */
export function installFailingWrites(): void {
  const proto = IDBObjectStore.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const method of ['put', 'add', 'delete', 'clear']) {
    const original = proto[method]!;
    proto[method] = function (this: IDBObjectStore, ...args: unknown[]) {
      const name = (globalThis as { __kodtauFailWrites?: string }).__kodtauFailWrites;
      if (name) throw new DOMException(`writes fail for this test (${method})`, name);
      return original.apply(this, args);
    };
  }
}

/** Makes IndexedDB writes fail with `name` from now on, or go through again (null). */
export function failWrites(name: 'QuotaExceededError' | 'UnknownError' | null): void {
  (globalThis as { __kodtauFailWrites?: string | null }).__kodtauFailWrites = name;
}
