import { describe, expect, it } from 'vitest';
import { createDemoProject } from '../../shared/demo/index.ts';
import { CodebookFileError } from '../../shared/formats/codebookFile.ts';
import { parseCoderFile } from '../../shared/formats/coderFile.ts';
import { wideDataset } from '../../shared/formats/dataset.ts';
import { buildProjectFile, parseProjectFile, ProjectFileError } from '../../shared/formats/projectFile.ts';
import {
  createProjectPackage,
  PackageError,
  parseProjectPackage,
  readProjectPackage,
  serializeProjectPackage,
} from '../../shared/formats/projectPackage.ts';
import { MAX_QDC_DEPTH, readQdc } from '../../shared/formats/qdc.ts';
import { guessMapping } from '../../shared/import/columnMapping.ts';
import { ImportError, MAX_COLUMNS } from '../../shared/import/importError.ts';
import { planImport } from '../../shared/import/planImport.ts';
import { readTable } from '../../shared/import/readTable.ts';
import { demoCoderFiles } from '../../shared/merge/index.ts';
import { canonicalJson, JsonDepthError, jsonDepth, MAX_JSON_DEPTH } from '../../shared/model/index.ts';

/**
 * The small hostile files of issue 15: each reader reads them or refuses them with its own
 * error — never a TypeError, a RangeError from the call stack, or a value from Object.prototype.
 */

const demo = createDemoProject();
const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);
/** `{"a":{"a":…1…}}`, `depth` objects deep. */
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

const GUID = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;
const code = (n: number, name: string, inner = '', extra = '') =>
  `<Code guid="${GUID(n)}" name="${name}" isCodable="true"${extra}>${inner}</Code>`;
const qdc = (codes: string) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${codes}</Codes></CodeBook>`;

function problemOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    if (error instanceof CodebookFileError) return error.problem;
    throw error;
  }
  return undefined;
}

describe('.qdc: names that are JavaScript’s own, deep nesting, repeated elements', () => {
  it.each(['constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty'])(
    'reads an element and an attribute named %s as any unknown one, and a code named so as a category',
    (name) => {
      const xml = qdc(
        code(1, 'Topic', `<${name}>x</${name}>${code(2, name)}${code(3, 'Roads')}`, ` ${name}="y"`),
      );
      const { content } = readQdc(xml, 'en');
      expect(content.variables).toHaveLength(1);
      expect(content.variables[0]!.categories.map((c) => c.label.en)).toEqual([name, 'Roads']);
      expect(Object.getPrototypeOf(content)).toBe(Object.prototype);
    },
  );

  it(`reads codes nested ${MAX_QDC_DEPTH} deep and refuses deeper ones, naming the limit`, () => {
    const chain = (depth: number) => {
      let xml = code(depth, `level ${depth}`);
      for (let n = depth - 1; n >= 1; n--) xml = code(n, `level ${n}`, xml);
      return qdc(xml);
    };
    const read = readQdc(chain(MAX_QDC_DEPTH), 'en');
    expect(read.content.variables[0]!.categories).toHaveLength(MAX_QDC_DEPTH - 1);
    expect(problemOf(() => readQdc(chain(MAX_QDC_DEPTH + 1), 'en'))).toEqual({
      code: 'too-deep',
      limit: MAX_QDC_DEPTH,
    });
    expect(problemOf(() => readQdc(chain(150), 'en'))).toEqual({ code: 'too-deep', limit: MAX_QDC_DEPTH });
  });

  it('joins two Descriptions of one code, and takes the text of one with markup inside', () => {
    const twice = code(2, 'Roads', '<Description>Potholes.</Description><Description>Snow.</Description>');
    const marked = code(3, 'Water', '<Description>Pipes <b>burst</b></Description>');
    const { content } = readQdc(qdc(code(1, 'Topic', twice + marked)), 'en');
    const [roads, water] = content.variables[0]!.categories;
    expect(roads!.definition.en).toBe('Potholes.\n\nSnow.');
    expect(water!.definition.en).toBe('Pipes');
  });

  it('refuses a Code whose name is an element, not an attribute, as a Code without a name', () => {
    const xml = qdc(`<Code guid="${GUID(1)}" isCodable="true"><name>x</name></Code>`);
    expect(problemOf(() => readQdc(xml, 'en'))).toMatchObject({ code: 'invalid' });
  });
});

describe('nesting: a stated limit, no recursion without one', () => {
  it(`counts depth without recursion and canonicalJson refuses more than ${MAX_JSON_DEPTH} levels`, () => {
    const deep = JSON.parse(nested(100_000)) as unknown;
    expect(jsonDepth(deep)).toBe(MAX_JSON_DEPTH + 1);
    expect(jsonDepth(JSON.parse(nested(MAX_JSON_DEPTH)))).toBe(MAX_JSON_DEPTH);
    expect(canonicalJson(JSON.parse(nested(MAX_JSON_DEPTH)))).toBe(nested(MAX_JSON_DEPTH));
    expect(() => canonicalJson(JSON.parse(nested(MAX_JSON_DEPTH + 1)))).toThrow(JsonDepthError);
  });

  it('refuses a project package with an extra key nested 5 000 deep as tooDeep', async () => {
    const pkg = text(serializeProjectPackage(createProjectPackage({ ...demo, createdAt: 'x' })));
    const hostile = pkg.replace('"project":', `"extra":${nested(5000)},"project":`);
    expect(() => parseProjectPackage(bytes(hostile))).toThrow(new PackageError('tooDeep'));
    // The package worker's reader too (its canonical JSON is written another way).
    await expect(readProjectPackage(bytes(hostile))).rejects.toThrow(new PackageError('tooDeep'));
  });

  it('refuses a project file with an extra key nested 5 000 deep as tooDeep', () => {
    const file = buildProjectFile({
      ...demo,
      codebooks: [demo.codebook],
      consensus: [],
      reviews: [],
      trainingSets: [],
      imports: [],
    });
    const hostile = { ...file, extra: JSON.parse(nested(5000)) as unknown };
    expect(() => parseProjectFile(hostile)).toThrow(ProjectFileError);
    expect(() => parseProjectFile(hostile)).toThrow('tooDeep');
  });

  it('reads a coder file with an extra key nested 5 000 deep as the file without it', () => {
    const original = demoCoderFiles()[0]!.text;
    const hostile = original.replace('"format":', `"extra": ${nested(5000)},\n  "format":`);
    expect(parseCoderFile(hostile)).toEqual(parseCoderFile(original));
  });

  it('refuses JSON and JSON Lines appeals nested 100 000 deep as tooDeep, at their line', async () => {
    const deepArray = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    await expect(readTable(bytes(`[{"text":"a"},{"text":"b","x":${deepArray}}]`))).rejects.toEqual(
      new ImportError('tooDeep', 2),
    );
    await expect(readTable(bytes(`{"text":"a"}\n{"text":${deepArray}}\n`))).rejects.toEqual(
      new ImportError('tooDeep', 2),
    );
    // A nested value within the limit is kept as its JSON text.
    const kept = await readTable(bytes(`[{"text":"a","x":${'['.repeat(10)}${']'.repeat(10)}}]`));
    expect(kept.rows).toEqual([['a', `${'['.repeat(10)}${']'.repeat(10)}`]]);
  });
});

describe('columns: a stated limit', () => {
  it(`refuses a CSV with 1 000 000 columns and reads one with ${MAX_COLUMNS}`, async () => {
    const csv = (n: number) => {
      const header = Array.from({ length: n }, (_, i) => `c${i}`).join(',');
      return bytes(`${header}\n${'x,'.repeat(n - 1)}x\n`);
    };
    await expect(readTable(csv(1_000_000))).rejects.toEqual(new ImportError('tooManyColumns'));
    const wide = await readTable(csv(MAX_COLUMNS));
    expect(wide.header).toHaveLength(MAX_COLUMNS);
  }, 60_000);

  // 200 000 arguments already overflow the stack in Math.max(...lengths).
  it('guesses the text column of a very wide table without overflowing the call stack', () => {
    const header = Array.from({ length: 200_000 }, (_, i) => `c${i}`);
    const row = header.map((_, i) => (i === 177_777 ? 'the longest value' : 'x'));
    expect(guessMapping(header, [row]).text).toBe(177_777);
  }, 60_000);
});

describe('metadata columns named like Object’s properties', () => {
  const names = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

  async function imported() {
    const csv = `text,${names.join(',')}\nfirst,a,b,c,d,e\nsecond,,,,,\n`;
    const table = await readTable(bytes(csv));
    const mapping = guessMapping(table.header, table.rows);
    return planImport(table, mapping, { projectId: 'p', existingIds: new Set(), firstOrder: 0 }).appeals;
  }

  it('imports them as ordinary own keys, __proto__ included', async () => {
    const [first, second] = await imported();
    expect(Object.keys(first!.meta)).toEqual(names);
    expect(first!.meta).toEqual(Object.fromEntries(names.map((name, i) => [name, 'abcde'[i]!])));
    expect(Object.getPrototypeOf(first!.meta)).toBe(Object.prototype);
    expect(Object.keys(second!.meta)).toEqual([]);
  });

  it('carries them through a project package', async () => {
    const appeals = await imported();
    const project = { ...demo.project, id: 'p' };
    const pkg = createProjectPackage({ project, codebook: null, appeals, createdAt: 'x' });
    const read = parseProjectPackage(serializeProjectPackage(pkg));
    expect(read.appeals.map((a) => Object.keys(a.meta))).toEqual([names, []]);
    expect(read.appeals[0]!.meta).toEqual(appeals[0]!.meta);
  });

  it('exports their values, and empty cells where an appeal has none — never Object’s own', async () => {
    const appeals = await imported();
    const dataset = wideDataset(
      { ...demo, project: { ...demo.project, id: 'p' }, appeals, codings: [], consensus: [] },
      { source: { kind: 'consensus' }, labels: 'code', lang: 'en', text: false },
    );
    const columns = dataset.columns.map((c) => c.name);
    const cells = (row: number) => names.map((name) => dataset.rows[row]![columns.indexOf(safe(name))]);
    expect(columns).toEqual(expect.arrayContaining(['constructor', 'toString', 'v__proto__']));
    expect(cells(0)).toEqual([...'abcde']);
    expect(cells(1)).toEqual(['', '', '', '', '']);
    expect(JSON.stringify(dataset.rows)).not.toContain('native code');
  });
});

/** The SPSS-safe name `safeColumnNames` gives these (a name must start with a letter). */
const safe = (name: string) => (/^[A-Za-z]/.test(name) ? name : `v${name}`);
