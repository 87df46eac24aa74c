import { seededRandom } from '../../shared/agreement/seededRandom.ts';
import { canonicalJson, jsonDepth } from '../../shared/model/index.ts';
import { bytesOf, mutateBytes, mutateJson, pick, textOf, type Fault } from './mutate.ts';
import type { FuzzReader, ReaderInputs } from './readers.ts';
import type { InputResult } from './runner.ts';

/** The deepest JSON a structural fault writes back; deeper files get a byte-level fault. */
const WRITABLE_DEPTH = 1000;

export interface FuzzInput {
  /** The file it was made from: a seed, or a file of the grammar. */
  readonly base: Uint8Array;
  readonly bytes: Uint8Array;
  readonly generated: boolean;
  readonly faults: readonly Fault[];
  readonly resigned: boolean;
}

/**
 * Input number `index` of a reader, from the run's seed and the number alone: three in ten come
 * from the grammar (half of them then damaged), the others are a seed file with one to three
 * faults (one in ten unchanged); a JSON file's fault is structural half the time.
 */
export async function buildInput(
  reader: FuzzReader,
  inputs: ReaderInputs,
  seed: string,
  index: number,
): Promise<FuzzInput> {
  const random = seededRandom(`${seed}:${reader.name}:${index}`);
  const generated = random() < 0.3;
  const base = generated ? await inputs.generate(Math.floor(random() * 2 ** 31)) : pick(random, inputs.seeds);
  const count = random() < (generated ? 0.5 : 0.1) ? 0 : 1 + Math.floor(random() * 3);
  const faults: Fault[] = [];
  let bytes = base;
  let resigned = false;
  for (let m = 0; m < count; m++) {
    if (reader.json && random() < 0.5) {
      try {
        const json = JSON.parse(textOf(bytes)) as unknown;
        // JSON.stringify recurses: whether it can write a deeper value depends on the thread's
        // stack, and an input must not (the same number gives the same input in a worker).
        if (jsonDepth(json, WRITABLE_DEPTH) > WRITABLE_DEPTH) throw new RangeError('too deep to write');
        const fault = mutateJson(random, json);
        if (jsonDepth(json, WRITABLE_DEPTH) > WRITABLE_DEPTH) throw new RangeError('too deep to write');
        if (reader.resign && json !== null && typeof json === 'object' && random() < 0.5) {
          reader.resign(json as Record<string, unknown>);
          resigned = true;
        }
        bytes = bytesOf(JSON.stringify(json, null, random() < 0.5 ? 2 : undefined));
        faults.push(fault);
        continue;
      } catch {
        // Not JSON (any more), or too deep to write back: a byte-level fault instead.
      }
    }
    const [mutated, fault] = mutateBytes(random, bytes, inputs.seeds);
    bytes = mutated;
    faults.push(fault);
  }
  return { base, bytes, generated, faults, resigned };
}

/** Reads one input and says how it went. `originalOf` gives a checksummed base file's content. */
export async function readInput(
  reader: FuzzReader,
  input: FuzzInput,
  index: number,
  originalOf: (bytes: Uint8Array) => Promise<string | null>,
): Promise<InputResult> {
  const started = performance.now();
  let outcome: InputResult['outcome'];
  let detail: string | undefined;
  try {
    const read = await reader.read(input.bytes);
    outcome = 'accepted';
    // A checksummed file read although changed (and not re-signed) must read as its original.
    if (reader.resign && !input.resigned && input.faults.length > 0) {
      const original = await originalOf(input.base);
      if (original !== null && canonicalJson(read) !== original) {
        outcome = 'wrong';
        detail = 'accepted with a content that differs from the original';
      }
    }
  } catch (error) {
    outcome = reader.own(error) ? 'own' : 'other';
    if (outcome === 'other')
      detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  return {
    index,
    outcome,
    ms: performance.now() - started,
    generated: input.generated,
    faults: input.faults,
    resigned: input.resigned,
    ...(detail === undefined ? {} : { detail: detail.slice(0, 300) }),
  };
}

/** The canonical content of files as the reader reads them (null: refused), kept for a few files. */
export function originals(reader: FuzzReader): (bytes: Uint8Array) => Promise<string | null> {
  const known = new Map<Uint8Array, string | null>();
  return async (bytes) => {
    if (!known.has(bytes)) {
      let read: string | null;
      try {
        read = canonicalJson(await reader.read(bytes));
      } catch {
        read = null;
      }
      if (known.size > 50) known.clear();
      known.set(bytes, read);
    }
    return known.get(bytes)!;
  };
}
