import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { InputError, readProjectInput } from '../../cli/projectInput.ts';
import { writeCsv, type CsvCell } from '../../shared/csv/writeCsv.ts';
import { createDemoProject } from '../../shared/demo/index.ts';
import { CodebookFileError } from '../../shared/formats/codebookFile.ts';
import { writeCodebookJson } from '../../shared/formats/codebookJson.ts';
import {
  buildCoderFile,
  canonicalContent,
  CoderFileError,
  parseCoderFile,
  serializeCoderFile,
  type CoderFileContent,
} from '../../shared/formats/coderFile.ts';
import { buildProjectFile, serializeProjectFile } from '../../shared/formats/projectFile.ts';
import {
  createProjectPackage,
  PackageError,
  parseProjectPackage,
  serializeProjectPackage,
} from '../../shared/formats/projectPackage.ts';
import { writeQdc } from '../../shared/formats/qdc.ts';
import { readCodebookFile } from '../../shared/formats/readCodebookFile.ts';
import { xlsxBytes } from '../../shared/formats/xlsx.ts';
import { guessMapping } from '../../shared/import/columnMapping.ts';
import { ImportError } from '../../shared/import/importError.ts';
import { planImport } from '../../shared/import/planImport.ts';
import { readTable } from '../../shared/import/readTable.ts';
import { canonicalJson, codebookHash, LANGS, type Appeal, type Coding } from '../../shared/model/index.ts';
import { importFixtures } from '../fixtures/import/fixtures.ts';
import { bytesOf, HOSTILE_TOKENS, textOf } from './mutate.ts';

/**
 * The readers under fuzz: what each reads, the files it starts from (the demo, test/fixtures),
 * a grammar of valid-looking files (fast-check), and which error is its own. A checksummed
 * reader's `resign` writes a mutated file's checksum anew, as an editor would: such a file is a
 * different file, so it is read but not compared with the original.
 */
export interface FuzzReader {
  readonly name: string;
  /** What the report calls it. */
  readonly label: string;
  /** Whether a reader's own error is what this threw. */
  readonly own: (error: unknown) => boolean;
  /** Reads the bytes as the app and the command line do, through to what they use of them. */
  readonly read: (bytes: Uint8Array) => Promise<unknown>;
  /** For checksummed files: a mutated JSON value with its checksum recomputed. */
  readonly resign?: (json: Record<string, unknown>) => void;
  /** Whether structural JSON mutations apply. */
  readonly json: boolean;
}

export interface ReaderInputs {
  readonly seeds: Uint8Array[];
  /** A generated file for a fast-check seed. */
  readonly generate: (seed: number) => Promise<Uint8Array>;
}

const sample = <T>(arbitrary: fc.Arbitrary<T>, seed: number): T =>
  fc.sample(arbitrary, { seed, numRuns: 1 })[0]!;
const digest = (value: unknown) => bytesToHex(sha256(utf8ToBytes(canonicalJson(value))));

const full = createDemoProject();
/** The demo cut small, so that thousands of inputs read in seconds: two variables, 12 appeals. */
const demo = (() => {
  const variables = full.codebook.variables.slice(0, 2);
  const codebook = { ...full.codebook, variables, hash: codebookHash({ variables, merges: [] }) };
  const ids = new Set(variables.map((v) => v.id));
  return { ...full, codebook, codings: full.codings.filter((c) => ids.has(c.variableId)) };
})();
const fewAppeals = demo.appeals.slice(0, 12);
const fewIds = new Set(fewAppeals.map((a) => a.id));
const fewCodings = demo.codings.filter((c) => fewIds.has(c.appealId));

// —— grammar pieces ——

/** Names as people and hostile files write them: known columns, Object's own names, anything. */
const nameArb = fc.oneof(
  fc.constantFrom('text', 'id', 'date', 'region', 'Текст', '№', 'мәтін', 'өңір'),
  fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'),
  fc.string({ maxLength: 12 }),
);
const cellArb = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_TOKENS.filter((t) => t.length < 200)) },
);
const tableArb = fc
  .integer({ min: 1, max: 8 })
  .chain((width) =>
    fc.tuple(
      fc.array(nameArb, { minLength: width, maxLength: width }),
      fc.array(fc.array(cellArb, { minLength: width, maxLength: width }), { maxLength: 12 }),
    ),
  );
const recordsArb = fc.array(
  fc.dictionary(nameArb, fc.oneof(cellArb, fc.jsonValue({ maxDepth: 3 })), { maxKeys: 6 }),
  { maxLength: 10 },
);
const isoArb = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const idArb = fc.oneof(
  fc.string({ minLength: 1, maxLength: 10 }),
  fc.constantFrom('constructor', '__proto__'),
);
const appealsArb = (projectId: string) =>
  fc
    .uniqueArray(
      fc.record({
        id: idArb,
        text: fc.string({ maxLength: 60 }),
        meta: fc.dictionary(nameArb, fc.string({ maxLength: 20 }), { maxKeys: 4 }),
      }),
      { selector: (a) => a.id, maxLength: 10 },
    )
    .map((list) => list.map((a, order): Appeal => ({ ...a, projectId, order })));
const projectArb = fc.record({
  id: fc.string({ minLength: 1, maxLength: 10 }),
  name: fc.string({ minLength: 1, maxLength: 30 }),
  languages: fc.subarray([...LANGS], { minLength: 1 }),
  createdAt: isoArb,
  demo: fc.boolean(),
});
const codingsArb = (projectId: string, coderIds: readonly string[], appealIds: readonly string[]) =>
  fc
    .uniqueArray(
      fc.record({
        coderId: fc.constantFrom(...coderIds),
        appealId: appealIds.length > 0 ? fc.constantFrom(...appealIds) : fc.constant('a'),
        variable: fc.constantFrom(...demo.codebook.variables),
        pick: fc.array(fc.nat(), { maxLength: 3 }),
        note: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
        unsure: fc.boolean(),
        cleared: fc.boolean(),
        updatedAt: isoArb,
      }),
      { selector: (c) => `${c.coderId}/${c.appealId}/${c.variable.id}`, maxLength: 20 },
    )
    .map((list) =>
      list.map(({ variable, pick, note, cleared, ...c }): Coding => {
        const codes = variable.categories.map((category) => category.code);
        const values =
          cleared || codes.length === 0 ? [] : [...new Set(pick.map((n) => codes[n % codes.length]!))];
        return {
          ...c,
          projectId,
          variableId: variable.id,
          values: variable.kind === 'single' || variable.kind === 'ordinal' ? values.slice(0, 1) : values,
          ...(variable.kind === 'text' && !cleared ? { text: 'free text' } : {}),
          ...(note === undefined ? {} : { note }),
          ...(cleared ? { cleared: true as const } : {}),
          codebookVersion: 1,
        };
      }),
    );

/**
 * A REFI-QDA tree: Code elements with any names, attributes, Descriptions (none, one or two)
 * and children, drawn flat — each code names an earlier one as its parent, or none — and then
 * nested, so that the generator itself never recurses deeply.
 */
const codeArb = fc
  .array(
    fc.record({
      name: fc.oneof(nameArb, fc.constant('')),
      guid: fc.uuid().map((u) => u.toUpperCase()),
      extra: fc.array(
        fc.tuple(
          nameArb.filter((n) => /^[A-Za-z_][\w.-]*$/.test(n)),
          fc.string({ maxLength: 8 }),
        ),
        {
          maxLength: 2,
        },
      ),
      descriptions: fc.array(fc.string({ maxLength: 30 }), { maxLength: 2 }),
      parent: fc.nat(),
    }),
    { minLength: 1, maxLength: 14 },
  )
  .map((codes) => {
    const children = codes.map(() => [] as number[]);
    const top: number[] = [];
    codes.forEach((code, i) => (i === 0 || code.parent % 3 === 0 ? top : children[code.parent % i]!).push(i));
    const render = (i: number): string => {
      const { name, guid, extra, descriptions } = codes[i]!;
      const attributes = extra
        .filter(
          ([n], k, all) =>
            !['guid', 'name', 'isCodable'].includes(n) && all.findIndex(([m]) => m === n) === k,
        )
        .map(([n, v]) => ` ${n}="${xml(v)}"`)
        .join('');
      const inner =
        descriptions.map((d) => `<Description>${xml(d)}</Description>`).join('') +
        children[i]!.map(render).join('');
      return `<Code guid="${guid}" name="${xml(name)}" isCodable="true"${attributes}>${inner}</Code>`;
    };
    return top.map(render).join('');
  });
const xml = (text: string) =>
  text
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
    // XML 1.0 has no place for most control characters.
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/g, '');

/** Codebook variables with generated ids, kinds, labels and codes. */
const variablesArb = fc
  .array(
    fc.record({
      id: fc.oneof(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), nameArb),
      kind: fc.constantFrom('single', 'multi', 'ordinal', 'text'),
      label: fc.string({ maxLength: 20 }),
      codes: fc.array(fc.oneof(fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/), nameArb), { maxLength: 5 }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((list) =>
    list.map(({ id, kind, label, codes }) => ({
      id,
      kind,
      required: false,
      label: { en: label },
      definition: {},
      categories: codes.map((code, i) => ({
        code,
        value: i + 1,
        label: { en: code },
        definition: {},
        examples: {},
        retired: false,
      })),
    })),
  );

// —— the readers ——

const tableOwn = (error: unknown) => error instanceof ImportError;
async function readAppeals(bytes: Uint8Array) {
  const table = await readTable(bytes);
  const mapping = guessMapping(table.header, table.rows);
  return planImport(table, mapping, { projectId: 'p', existingIds: new Set(), firstOrder: 0 });
}
const appealRows = (appeals: readonly Appeal[]): CsvCell[][] => {
  const keys = [...new Set(appeals.flatMap((a) => Object.keys(a.meta)))];
  return [
    ['id', 'text', ...keys],
    ...appeals.map((a) => [a.id, a.text, ...keys.map((k) => (Object.hasOwn(a.meta, k) ? a.meta[k]! : ''))]),
  ];
};
const appealRecords = (appeals: readonly Appeal[]) =>
  appeals.map((a) => ({ id: a.id, text: a.text, ...a.meta }));

const codebookOwn = (error: unknown) => error instanceof CodebookFileError;
const readCodebook = async (bytes: Uint8Array) => readCodebookFile(bytes, 'en');

export const READERS: readonly FuzzReader[] = [
  { name: 'csv', label: 'CSV / TSV appeals', own: tableOwn, read: readAppeals, json: false },
  { name: 'xlsx', label: 'XLSX appeals', own: tableOwn, read: readAppeals, json: false },
  { name: 'json', label: 'JSON appeals', own: tableOwn, read: readAppeals, json: true },
  { name: 'jsonl', label: 'JSON Lines appeals', own: tableOwn, read: readAppeals, json: false },
  {
    name: 'package',
    label: 'Project package',
    own: (error) => error instanceof PackageError,
    read: async (bytes) => parseProjectPackage(bytes),
    resign: (json) => {
      const { integrity: _integrity, ...content } = json;
      json.integrity = { algorithm: 'sha256', digest: digest(content) };
    },
    json: true,
  },
  {
    name: 'coderFile',
    label: 'Coder file',
    own: (error) => error instanceof CoderFileError,
    read: async (bytes) => parseCoderFile(textOf(bytes)),
    resign: (json) => {
      json.integrity = {
        algorithm: 'SHA-256',
        digest: bytesToHex(sha256(utf8ToBytes(canonicalContent(json as unknown as CoderFileContent)))),
      };
    },
    json: true,
  },
  {
    name: 'projectFile',
    label: 'Project file (merged project, backup)',
    own: (error) => error instanceof InputError,
    read: async (bytes) => readProjectInput('fuzz.kodtau-project.json', bytes),
    resign: (json) => {
      const { integrity: _integrity, ...content } = json;
      json.integrity = { algorithm: 'SHA-256', digest: digest(content) };
    },
    json: true,
  },
  {
    name: 'codebookJson',
    label: 'Codebook JSON',
    own: codebookOwn,
    read: readCodebook,
    resign: (json) => {
      const codebook = json.codebook as { variables?: unknown; merges?: unknown; hash?: unknown } | undefined;
      if (codebook && typeof codebook === 'object')
        codebook.hash = codebookHash({
          variables: codebook.variables,
          merges: codebook.merges ?? [],
        } as never);
    },
    json: true,
  },
  { name: 'qdc', label: 'REFI-QDA codebook (.qdc)', own: codebookOwn, read: readCodebook, json: false },
];

/** The files each reader starts from, and its grammar. */
export async function readerInputs(name: string): Promise<ReaderInputs> {
  switch (name) {
    case 'csv': {
      const fixtures = (await importFixtures()).filter((f) => !f.name.endsWith('.xlsx')).map((f) => f.bytes);
      const rows = appealRows(fewAppeals);
      return {
        seeds: [
          ...fixtures,
          ...([',', ';', '\t'] as const).map((delimiter) => bytesOf(writeCsv(rows, { delimiter }))),
        ],
        generate: async (seed) => {
          const [header, body] = sample(tableArb, seed);
          const delimiter = ([',', ';', '\t'] as const)[seed % 3]!;
          return bytesOf(writeCsv([header, ...body], { delimiter, bom: seed % 2 === 0 }));
        },
      };
    }
    case 'xlsx': {
      const fixtures = (await importFixtures()).filter((f) => f.name.endsWith('.xlsx')).map((f) => f.bytes);
      return {
        seeds: [...fixtures, await xlsxBytes(appealRows(fewAppeals), 'Appeals')],
        generate: async (seed) => {
          const [header, body] = sample(tableArb, seed);
          return xlsxBytes([header, ...body], 'Sheet1');
        },
      };
    }
    case 'json':
      return {
        seeds: [bytesOf(JSON.stringify(appealRecords(fewAppeals), null, 2))],
        generate: async (seed) => bytesOf(JSON.stringify(sample(recordsArb, seed))),
      };
    case 'jsonl':
      return {
        seeds: [
          bytesOf(
            appealRecords(fewAppeals)
              .map((r) => JSON.stringify(r))
              .join('\n'),
          ),
        ],
        generate: async (seed) =>
          bytesOf(
            sample(recordsArb, seed)
              .map((r) => JSON.stringify(r))
              .join(seed % 2 ? '\n' : '\r\n'),
          ),
      };
    case 'package':
      return {
        seeds: [
          serializeProjectPackage(
            createProjectPackage({ ...demo, appeals: fewAppeals, createdAt: demo.project.createdAt }),
          ),
          serializeProjectPackage(
            createProjectPackage({ ...demo, codebook: null, appeals: fewAppeals.slice(0, 3) }),
          ),
        ],
        generate: async (seed) => {
          const project = sample(projectArb, seed);
          const appeals = sample(appealsArb(project.id), seed + 1);
          const codebook = seed % 3 === 0 ? null : { ...demo.codebook, projectId: project.id };
          return serializeProjectPackage(
            createProjectPackage({ project, codebook, appeals, createdAt: project.createdAt }),
          );
        },
      };
    case 'coderFile':
      return {
        seeds: demo.coders.map((coder) =>
          bytesOf(
            serializeCoderFile(buildCoderFile(coder, demo.codebook, fewCodings, '2026-01-01T00:00:00.000Z')),
          ),
        ),
        generate: async (seed) => {
          const coder = sample(
            fc.record({ id: idArb, name: fc.string({ minLength: 1, maxLength: 20 }) }),
            seed,
          );
          const codings = sample(
            codingsArb(demo.project.id, [coder.id], sample(fc.array(idArb, { maxLength: 8 }), seed + 1)),
            seed + 2,
          );
          return bytesOf(
            serializeCoderFile(buildCoderFile(coder, demo.codebook, codings, sample(isoArb, seed + 3))),
          );
        },
      };
    case 'projectFile': {
      const data = {
        ...demo,
        appeals: fewAppeals,
        codings: fewCodings,
        codebooks: [demo.codebook],
        consensus: [],
        reviews: [],
        trainingSets: [],
        imports: [],
      };
      return {
        seeds: [bytesOf(serializeProjectFile(buildProjectFile(data)))],
        generate: async (seed) => {
          const project = sample(projectArb, seed);
          const appeals = sample(appealsArb(project.id), seed + 1);
          const coders = sample(
            fc.uniqueArray(fc.record({ id: idArb, name: fc.string({ minLength: 1, maxLength: 12 }) }), {
              selector: (c) => c.id,
              minLength: 1,
              maxLength: 3,
            }),
            seed + 2,
          );
          const codings = sample(
            codingsArb(
              project.id,
              coders.map((c) => c.id),
              appeals.map((a) => a.id),
            ),
            seed + 3,
          );
          const file = buildProjectFile({
            project,
            codebooks: [{ ...demo.codebook, projectId: project.id }],
            appeals,
            coders,
            codings,
            consensus: [],
            reviews: [],
            trainingSets: [],
            imports: [],
          });
          return bytesOf(serializeProjectFile(file));
        },
      };
    }
    case 'codebookJson':
      return {
        seeds: [bytesOf(writeCodebookJson(demo.codebook))],
        generate: async (seed) => {
          // Generated ids, labels, codes and kinds: valid, or refused by the codebook's rules.
          const variables = sample(variablesArb, seed);
          const content = { variables, merges: [] } as never;
          return bytesOf(
            writeCodebookJson({ ...demo.codebook, ...(content as object), hash: codebookHash(content) }),
          );
        },
      };
    case 'qdc':
      return {
        seeds: LANGS.map((lang) => bytesOf(writeQdc(demo.codebook, lang).xml)),
        generate: async (seed) => {
          const codes = sample(codeArb, seed);
          return bytesOf(
            `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="fuzz"><Codes>${codes}</Codes></CodeBook>`,
          );
        },
      };
    default:
      throw new Error(`no inputs for ${name}`);
  }
}
