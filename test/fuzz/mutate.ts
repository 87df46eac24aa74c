/**
 * Mutations of a file's bytes, the way damage and hostility reach a reader: flipped bits,
 * bytes cut, repeated or set to a delimiter, a file spliced with another, and tokens a reader
 * may trip on (names that are JavaScript's own, deep nesting, entities, NULs, huge numbers).
 * JSON files also get structural mutations: a node replaced, removed, or given a hostile key.
 * Every choice comes from `random`, so a seed replays the same inputs.
 */

export type Random = () => number;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;
const int = (random: Random, max: number) => Math.floor(random() * max);

const deep = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Text a reader may trip on, inserted anywhere. */
export const HOSTILE_TOKENS: readonly string[] = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'prototype',
  '"__proto__":{"polluted":true},',
  '"constructor":{"prototype":{"polluted":true}},',
  '{"__proto__":"x","constructor":"y","toString":"z"}',
  deep(100),
  deep(5000),
  '['.repeat(100_000),
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>',
  '&a;&lt;&#0;&#x110000;&amp;',
  '<constructor>x</constructor>',
  '<__proto__ toString="y"/>',
  '<Description>x</Description><Description>y</Description>',
  '<Code guid="00000000-0000-0000-0000-000000000000" name="constructor" isCodable="true">',
  '</Code>',
  '<![CDATA[<Code/>]]>',
  '<!-- -->',
  '\uFEFF',
  '\u0000',
  '\uFFFD',
  '\uD800',
  '"',
  '""',
  "'",
  '\r',
  '\n',
  '\r\n',
  ',',
  ';',
  '\t',
  '1e999',
  '-0',
  '9007199254740993',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
  "=cmd|'/c calc'!A1",
  '<script>alert(1)</script>',
  'ӘәҒғҚқҢңӨөҰұҮүҺһІі',
];

/** The byte-level faults, by the name the report gives them. */
export const BYTE_FAULTS = [
  'bit flipped',
  'byte set',
  'bytes cut',
  'bytes repeated',
  'truncated',
  'spliced',
  'token inserted',
] as const;
/** The structural faults of a JSON file. */
export const JSON_FAULTS = ['value replaced', 'item removed', 'key or item added', 'item repeated'] as const;
export type Fault = (typeof BYTE_FAULTS)[number] | (typeof JSON_FAULTS)[number];

/** One mutation of `bytes` and its name; `others` are files to splice with. */
export function mutateBytes(
  random: Random,
  bytes: Uint8Array,
  others: readonly Uint8Array[],
): [Uint8Array, Fault] {
  const at = int(random, bytes.length + 1);
  const length = 1 + int(random, Math.max(1, Math.min(64, bytes.length - at)));
  // The token is inserted twice as often as any other fault: it carries the hostile names.
  const kind = Math.min(int(random, 8), 6);
  const fault = BYTE_FAULTS[kind]!;
  switch (kind) {
    case 0: {
      const out = bytes.slice();
      if (out.length > 0) out[int(random, out.length)]! ^= 1 << int(random, 8);
      return [out, fault];
    }
    case 1: {
      const out = bytes.slice();
      if (out.length > 0)
        out[int(random, out.length)] = pick(random, [0, 0xff, 0x22, 0x7b, 0x3c, 0x2c, 0x0a, 0x3b, 0x80]);
      return [out, fault];
    }
    case 2:
      return [concat(bytes.subarray(0, at), bytes.subarray(at + length)), fault];
    case 3:
      return [concat(bytes.subarray(0, at + length), bytes.subarray(at)), fault];
    case 4:
      return [bytes.subarray(0, at), fault];
    case 5: {
      const other = pick(random, others);
      return [concat(bytes.subarray(0, at), other.subarray(int(random, other.length + 1))), fault];
    }
    default:
      return [
        concat(bytes.subarray(0, at), encoder.encode(pick(random, HOSTILE_TOKENS)), bytes.subarray(at)),
        fault,
      ];
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Values a structural mutation puts in place of a node. */
const HOSTILE_VALUES: readonly (() => unknown)[] = [
  () => null,
  () => true,
  () => 0,
  () => -1,
  () => 1.5,
  () => 1e308,
  () => '',
  () => 'constructor',
  () => '__proto__',
  () => '2026-13-45T99:99:99Z',
  () => [],
  () => {},
  () => ({ __proto__: null, constructor: 'x', toString: 'y' }),
  () => JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
  () => JSON.parse(deep(80)) as unknown,
  () => JSON.parse(deep(800)) as unknown,
  () => 'x'.repeat(100_000),
];

/** Every container node of a JSON value with its path, found without recursion. */
function containers(value: unknown): { node: Record<string, unknown> | unknown[]; depth: number }[] {
  const found: { node: Record<string, unknown> | unknown[]; depth: number }[] = [];
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }];
  while (stack.length > 0 && found.length < 5000) {
    const { node, depth } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    found.push({ node: node as Record<string, unknown>, depth });
    if (depth < 20) for (const child of Object.values(node)) stack.push({ node: child, depth: depth + 1 });
  }
  return found;
}

/**
 * A structural mutation of a JSON value (changed in place): a node's value replaced by another
 * type or a hostile value, a key removed, a hostile key added, an array item repeated.
 */
export function mutateJson(random: Random, value: unknown): Fault {
  const nodes = containers(value);
  const kind = int(random, 4);
  if (nodes.length === 0) return JSON_FAULTS[kind]!;
  const { node } = pick(random, nodes);
  const keys = Object.keys(node);
  const key = keys.length > 0 ? pick(random, keys) : undefined;
  const record = node as Record<string, unknown>;
  switch (kind) {
    case 0:
      if (key !== undefined) record[key] = pick(random, HOSTILE_VALUES)();
      break;
    case 1:
      if (key !== undefined) {
        if (Array.isArray(node)) node.splice(Number(key), 1);
        else delete record[key];
      }
      break;
    case 2:
      if (Array.isArray(node)) node.push(pick(random, HOSTILE_VALUES)());
      else
        Object.defineProperty(
          record,
          pick(random, ['__proto__', 'constructor', 'toString', 'extra', 'hasOwnProperty']),
          {
            value: pick(random, HOSTILE_VALUES)(),
            enumerable: true,
            configurable: true,
            writable: true,
          },
        );
      break;
    default:
      if (Array.isArray(node) && node.length > 0) node.push(structuredClone(pick(random, node)));
      else if (key !== undefined && typeof record[key] === 'string')
        record[key] = `${record[key] as string}${pick(random, HOSTILE_TOKENS)}`;
  }
  return JSON_FAULTS[kind]!;
}

export const textOf = (bytes: Uint8Array) => decoder.decode(bytes);
export const bytesOf = (text: string) => encoder.encode(text);
