import { Dexie, type IndexableType, type Table } from 'dexie';

/**
 * The distinct values of the key part after `prefix` in a compound index (the coders of a
 * project in the codings' primary key `:id`, the regions in `[projectId+meta.region]`), in key order. Each
 * is found by a request for one key that starts past the one before, so no entry between them is
 * read: a few requests, where `uniqueKeys()` steps through every entry of the range.
 */
export async function distinctKeyParts<T, K>(
  table: Table<T, K>,
  index: string,
  prefix: readonly string[],
): Promise<string[]> {
  const parts: string[] = [];
  const upper = [...prefix, Dexie.maxKey] as IndexableType;
  let lower = [...prefix, Dexie.minKey] as IndexableType;
  for (;;) {
    const [key] = await table
      .where(index)
      .between(lower, upper, parts.length === 0, true)
      .limit(1)
      .keys();
    if (key === undefined) return parts;
    const part = (key as unknown as string[])[prefix.length]!;
    parts.push(part);
    // Past every key that starts with `part` (an array sorts after any string or number).
    lower = [...prefix, part, Dexie.maxKey] as IndexableType;
  }
}
