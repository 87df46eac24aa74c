import { describe, expect, it } from 'vitest';
import { createDemoProject } from '../../../shared/demo/index.ts';
import {
  assignAppeals,
  createProjectPackage,
  PACKAGE_FORMAT,
  PackageError,
  parseProjectPackage,
  readProjectPackage,
  serializeProjectPackage,
} from '../../../shared/formats/projectPackage.ts';

const demo = createDemoProject();
const pkg = createProjectPackage({
  project: demo.project,
  codebook: demo.codebook,
  appeals: demo.appeals,
  createdAt: '2019-11-01T00:00:00.000Z',
});
const bytes = serializeProjectPackage(pkg);
const edit = (change: (value: Record<string, unknown>) => void) => {
  const value = JSON.parse(new TextDecoder().decode(bytes));
  change(value);
  return new TextEncoder().encode(JSON.stringify(value));
};
const codeOf = (input: Uint8Array) => {
  try {
    parseProjectPackage(input);
    return 'ok';
  } catch (error) {
    expect(error).toBeInstanceOf(PackageError);
    return (error as PackageError).code;
  }
};
/** The same, by the worker's reader (the digest by Web Crypto). */
const codeOfAsync = async (input: Uint8Array) => {
  try {
    await readProjectPackage(input);
    return 'ok';
  } catch (error) {
    expect(error).toBeInstanceOf(PackageError);
    return (error as PackageError).code;
  }
};

describe('project package', () => {
  it('is self-describing and round-trips the project, codebook and appeals', () => {
    expect(pkg).toMatchObject({ format: PACKAGE_FORMAT, version: 1, assignment: null });
    expect(pkg.integrity.digest).toMatch(/^[0-9a-f]{64}$/);
    const read = parseProjectPackage(bytes);
    expect(read.project).toEqual(demo.project);
    expect(read.codebook).toEqual(demo.codebook);
    expect(read.appeals).toEqual(demo.appeals);
  });

  it('reads the same in the worker (readProjectPackage), the file left as it was', async () => {
    const copy = bytes.slice();
    expect(await readProjectPackage(copy)).toEqual(parseProjectPackage(bytes));
    expect(copy).toEqual(bytes);
  });

  it('gives the same digest whatever the key order of the file (canonical JSON)', () => {
    const reordered = edit((value) => {
      const project = value.project as Record<string, unknown>;
      value.project = Object.fromEntries(Object.entries(project).reverse());
    });
    expect(codeOf(reordered)).toBe('ok');
  });

  it.each([
    ['not JSON', new TextEncoder().encode('{"format": "kodtau-project-package", '), 'notJson'],
    ['not UTF-8', Uint8Array.of(0xff, 0xfe, 0x7b, 0), 'notJson'],
    ['another format', new TextEncoder().encode('{"format":"kodtau-coder-file","version":1}'), 'foreign'],
    ['a JSON array', new TextEncoder().encode('[]'), 'foreign'],
    ['a newer version', edit((v) => (v.version = 2)), 'newer'],
    ['missing appeals', edit((v) => delete v.appeals), 'invalid'],
    [
      'an edited appeal text',
      edit((v) => ((v.appeals as { text: string }[])[0]!.text = 'changed')),
      'integrity',
    ],
    ['a removed appeal', edit((v) => (v.appeals as unknown[]).pop()), 'integrity'],
  ] as const)('refuses %s', async (_, input, code) => {
    expect(codeOf(input)).toBe(code);
    expect(await codeOfAsync(input)).toBe(code);
  });
});

describe('assignAppeals', () => {
  const ids = demo.appeals.map((a) => a.id);

  it('draws round(n × share) for the overlap and deals the rest in turn', () => {
    // 341 × 0.2 = 68.2 → 68 in the overlap; 273 left: 137 and 136.
    const plan = assignAppeals(ids, 2, 0.2, '2019');
    expect(plan.overlap).toHaveLength(68);
    expect(plan.shares.map((s) => s.length)).toEqual([137, 136]);
    const all = [...plan.overlap, ...plan.shares.flat()];
    expect(new Set(all).size).toBe(341);
    const order = new Map(ids.map((id, i) => [id, i]));
    for (const list of [plan.overlap, ...plan.shares]) {
      expect(list.map((id) => order.get(id)!)).toEqual(
        [...list.map((id) => order.get(id)!)].sort((a, b) => a - b),
      );
    }
  });

  it('is reproduced by its seed and changed by another', () => {
    expect(assignAppeals(ids, 3, 0.2, 'seed')).toEqual(assignAppeals(ids, 3, 0.2, 'seed'));
    expect(assignAppeals(ids, 3, 0.2, 'seed').overlap).not.toEqual(
      assignAppeals(ids, 3, 0.2, 'other').overlap,
    );
  });

  it('handles the edges: no overlap, everything overlapping, one coder', () => {
    expect(assignAppeals(ids, 2, 0, 's').overlap).toEqual([]);
    expect(assignAppeals(ids, 2, 1, 's').shares).toEqual([[], []]);
    expect(assignAppeals(ids, 1, 0.2, 's').shares[0]).toHaveLength(273);
    expect(() => assignAppeals(ids, 0, 0.2, 's')).toThrow(RangeError);
  });
});
