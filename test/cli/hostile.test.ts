import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/kodtau.ts';
import { createDemoProject } from '../../shared/demo/index.ts';
import { createProjectPackage, serializeProjectPackage } from '../../shared/formats/projectPackage.ts';
import { demoCoderFiles } from '../../shared/merge/index.ts';

// Stands in for a bug: a reader that throws something no command expects.
const readers = vi.hoisted(() => ({ broken: false }));
vi.mock('../../shared/formats/readCodebookFile.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../shared/formats/readCodebookFile.ts')>();
  return {
    ...original,
    readCodebookFile: (...args: Parameters<typeof original.readCodebookFile>) => {
      if (readers.broken) throw new TypeError("Cannot read properties of undefined (reading 'x')\n    at y");
      return original.readCodebookFile(...args);
    },
  };
});

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'kodtau-hostile-'));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const demo = createDemoProject();
const pkg = file(
  'demo.kodtau.json',
  serializeProjectPackage(createProjectPackage({ ...demo, createdAt: 'x' })),
);
const coder = file('aigerim.kodtau-coder.json', demoCoderFiles()[0]!.text);
const nullFile = file('null.json', 'null');
const GUID = '00000000-0000-0000-0000-000000000001';
const qdc = (codes: string) =>
  `<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${codes}</Codes></CodeBook>`;
const code = (name: string, inner = '') =>
  `<Code guid="${GUID}" name="${name}" isCodable="true">${inner}</Code>`;

/** One line on stderr, no stack frame. */
function expectOneLine(err: string) {
  expect(err.trimEnd().split('\n')).toHaveLength(1);
  expect(err).not.toMatch(/\n\s+at /);
}

describe('kodtau on hostile files: a message, never a stack, exit 1', () => {
  it('merge into a project file holding null', async () => {
    const result = await run('merge', nullFile, coder, '-o', join(dir, 'out.json'));
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      `kodtau merge: ${nullFile}: neither a project package nor a project file (foreign)\n`,
    );
  });

  it('merge of a coder file holding null', async () => {
    const result = await run('merge', pkg, nullFile, '-o', join(dir, 'out.json'));
    expect(result.code).toBe(1);
    expect(result.out).toContain('null.json');
    expect(result.out).toContain('refused');
    expect(result.err).toBe('kodtau merge: a file was refused; nothing was written\n');
  });

  it('merge into a package with a key nested 5 000 deep names the limit', async () => {
    const text = new TextDecoder().decode(serializeProjectPackage(createProjectPackage({ ...demo })));
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const hostile = file('deep.kodtau.json', text.replace('"project":', `"extra":${deep},"project":`));
    const result = await run('merge', hostile, coder, '-o', join(dir, 'out.json'));
    expect(result.code).toBe(1);
    expect(result.err).toContain('nested more than 64 levels deep');
    expectOneLine(result.err);
  });

  it.each([
    ['an element named constructor', qdc(code('Topic', `<constructor/>${code('Roads')}`))],
    [
      'an attribute named __proto__',
      qdc(code('Topic', `<Code guid="${GUID}" name="Roads" isCodable="true" __proto__="x"/>`)),
    ],
    [
      'two Descriptions',
      qdc(code('Topic', code('Roads', '<Description>a</Description><Description>b</Description>'))),
    ],
  ])('codebook with %s converts it', async (_, xml) => {
    const result = await run('codebook', file('hostile.qdc', xml), '--to', 'json', '-o', join(dir, 'c.json'));
    expect(result.code).toBe(0);
    expect(result.out).toContain('1 variables, 1 categories');
  });

  it('codebook with 150 nested Codes names the limit', async () => {
    let xml = code('leaf');
    for (let n = 0; n < 150; n++) xml = code(`level ${n}`, xml);
    const result = await run(
      'codebook',
      file('deep.qdc', qdc(xml)),
      '--to',
      'json',
      '-o',
      join(dir, 'd.json'),
    );
    expect(result.code).toBe(1);
    expect(result.err).toContain('nested more than 100 levels deep');
    expectOneLine(result.err);
  });

  it('an unknown command named like an Object property is refused as unknown', async () => {
    for (const name of ['constructor', '__proto__', 'toString']) {
      const result = await run(name);
      expect(result.code).toBe(2);
      expect(result.err).toContain(`unknown command "${name}"`);
    }
  });

  it('anything unexpected inside a command is one line and exit 1', async () => {
    readers.broken = true;
    try {
      const result = await run(
        'codebook',
        file('any.qdc', qdc(code('Roads'))),
        '--to',
        'json',
        '-o',
        join(dir, 'e.json'),
      );
      expect(result.code).toBe(1);
      expect(result.err).toBe(
        "kodtau codebook: the input could not be processed: Cannot read properties of undefined (reading 'x')\n",
      );
    } finally {
      readers.broken = false;
    }
  });
});
