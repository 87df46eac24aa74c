import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  canonicalJsonOfParsed,
  codebookHash,
  JsonDepthError,
  MAX_JSON_DEPTH,
} from '../../../shared/model/codebookHash.ts';
import type { CodebookContent, Variable } from '../../../shared/model/index.ts';

function region(label = 'Almaty city'): Variable {
  return {
    id: 'region',
    kind: 'single',
    required: true,
    label: { en: 'Region', ru: 'Регион', kk: 'Аймақ' },
    definition: {},
    categories: [
      { code: 'almaty_city', value: 1, label: { en: label }, definition: {}, examples: {}, retired: false },
      {
        code: 'astana_city',
        value: 2,
        label: { en: 'Astana city' },
        definition: {},
        examples: {},
        retired: false,
      },
    ],
  };
}
/** The same value with the keys of every object, at every level, written in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  }
  return value;
}
const content = (variables: Variable[]): CodebookContent => ({ variables, merges: [] });

describe('canonicalJson', () => {
  it('writes equal objects with keys in any order as the same text', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: 'x' } })).toBe(
      canonicalJson({ a: { c: 'x', d: [1, 2] }, b: 1 }),
    );
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,2]},"b":1}');
  });

  it('keeps array order: the order of variables and categories is content', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('sorts keys by code unit, not by locale (stable across machines)', () => {
    // localeCompare would put "a" before "B"; UTF-16 order puts upper case first.
    expect(canonicalJson({ a: 1, B: 2 })).toBe('{"B":2,"a":1}');
  });

  it('drops undefined properties, as JSON.stringify does, so an absent and an undefined field hash alike', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it('writes primitives and null like JSON.stringify, escaping what needs escaping', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson('Алматы "қ"')).toBe(JSON.stringify('Алматы "қ"'));
    expect(canonicalJson({ 'k"ey': [true, 1.5] })).toBe('{"k\\"ey":[true,1.5]}');
  });

  it('parses back to the same value', () => {
    const value = { z: [{ y: 1, x: [null, 'a'] }], a: { b: { c: 'd' } } };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });
});

describe('canonicalJsonOfParsed', () => {
  const same = (json: string) =>
    expect(canonicalJsonOfParsed(JSON.parse(json))).toBe(canonicalJson(JSON.parse(json)));

  it('writes what canonicalJson writes of parsed JSON, keys in any order at any level', () => {
    same('{"b":1,"a":{"z":[{"y":2,"x":null},{"x":true}],"m":"é"},"é":"\\u0000","A":[]}');
    // Many objects of one shape, as a package's appeals, and some of another.
    same(
      JSON.stringify({
        appeals: Array.from({ length: 50 }, (_, i) =>
          i % 7
            ? { text: `t${i}`, id: `A${i}`, order: i, meta: { region: 'R', date: 'D' } }
            : { id: `A${i}` },
        ),
      }),
    );
    same('{"__proto__":{"b":1,"a":2},"constructor":"x","toString":[1,"2",{"d":4,"c":3}]}');
    same('{"a\\u0000b":1,"a":{"b":2}}');
    same('[{"b":1,"a":2},3,"x",[{"d":1,"c":2}]]');
    for (const primitive of ['"x"', '1.5e300', '-0', 'true', 'null']) same(primitive);
  });

  it('writes keys that look like indexes as canonicalJson does (sorted as text, not as numbers)', () => {
    same('{"meta":{"10":"a","9":"b","x":"c"},"b":[{"2":1,"1":2}]}');
    same('{"b":1,"a":{"c":{"007":1,"1":2}}}');
  });

  it('takes MAX_JSON_DEPTH levels and refuses one more', () => {
    const nested = (levels: number) => '{"a":'.repeat(levels - 1) + '[]' + '}'.repeat(levels - 1);
    same(nested(MAX_JSON_DEPTH));
    expect(() => canonicalJsonOfParsed(JSON.parse(nested(MAX_JSON_DEPTH + 1)))).toThrow(JsonDepthError);
    expect(() => canonicalJsonOfParsed(JSON.parse(`{"1":${nested(MAX_JSON_DEPTH + 1)}}`))).toThrow(
      JsonDepthError,
    );
  });
});

describe('codebookHash', () => {
  it('is the SHA-256 of the canonical JSON, as 64 lower-case hex digits', () => {
    // Expected value computed independently with Node's crypto over the canonical text.
    const empty = createHash('sha256').update('{"merges":[],"variables":[]}').digest('hex');
    expect(codebookHash(content([]))).toBe(empty);
    expect(codebookHash(content([region()]))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on the order keys were written in', () => {
    const reordered = reverseKeys(region()) as Variable;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(region()));
    expect(codebookHash(content([reordered]))).toBe(codebookHash(content([region()])));
  });

  it('changes when a category label changes', () => {
    expect(codebookHash(content([region('Almaty')]))).not.toBe(codebookHash(content([region()])));
  });

  it('changes when categories are reordered', () => {
    const variable = region();
    const swapped = { ...variable, categories: [...variable.categories].reverse() };
    expect(codebookHash(content([swapped]))).not.toBe(codebookHash(content([variable])));
  });

  it('changes when a merge is added', () => {
    const withMerge: CodebookContent = {
      variables: [region()],
      merges: [{ variableId: 'region', from: 'astana_city', into: 'almaty_city', version: 2 }],
    };
    expect(codebookHash(withMerge)).not.toBe(codebookHash(content([region()])));
  });

  it('ignores fields outside variables and merges (version, updatedAt)', () => {
    const extra = { ...content([region()]), version: 7, updatedAt: 'now' } as CodebookContent;
    expect(codebookHash(extra)).toBe(codebookHash(content([region()])));
  });
});
