import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { mergeCategory } from '../../../shared/codebook/index.ts';
import { createDemoCodebook } from '../../../shared/demo/codebook.ts';
import { CodebookFileError } from '../../../shared/formats/codebookFile.ts';
import { guidFor, QDC_NAMESPACE, readQdc, writeQdc } from '../../../shared/formats/qdc.ts';
import type { CodebookContent } from '../../../shared/model/index.ts';

const demo = createDemoCodebook('p', '2019-11-01T04:00:00.000Z');
const content: CodebookContent = { variables: demo.variables, merges: demo.merges };
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function problemOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof CodebookFileError) return error.problem;
    throw error;
  }
  throw new Error('no error');
}

interface XsdCode {
  ':@': Record<string, string>;
  [child: string]: unknown;
}

/** The document in document order (preserveOrder), to check element order as the XSD's sequences demand. */
function ordered(xml: string) {
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true }).parse(
    xml,
  ) as Record<string, unknown>[];
}

function childNames(node: Record<string, unknown>): string[] {
  const name = Object.keys(node).find((key) => key !== ':@') as string;
  return (node[name] as Record<string, unknown>[]).map(
    (child) => Object.keys(child).find((k) => k !== ':@') as string,
  );
}

describe('writeQdc: structure required by Codebook.xsd 1.0 (REFI-QDA standard documentation)', () => {
  const { xml } = writeQdc(content, 'kk');
  const doc = ordered(xml);
  const root = doc.find((node) => 'CodeBook' in node) as XsdCode;

  it('has the CodeBook root in the codebook namespace, with Codes and no empty Sets', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(root[':@'].xmlns).toBe(QDC_NAMESPACE);
    expect(childNames(root)).toEqual(['Codes']);
    expect(xml).not.toMatch(/<Sets/);
  });

  it('gives every Code a GUID (8-4-4-4-12 hex), a name and isCodable; Description before child Codes', () => {
    const codes = root.CodeBook as Record<string, unknown>[];
    const all: XsdCode[] = [];
    const walk = (nodes: Record<string, unknown>[]) => {
      for (const node of nodes) {
        if (!('Code' in node)) continue;
        all.push(node as XsdCode);
        const names = childNames(node);
        expect(names.filter((n) => n !== 'Code')).toEqual(['Description']);
        expect(names.indexOf('Description')).toBe(0);
        walk(node.Code as Record<string, unknown>[]);
      }
    };
    walk((codes[0] as { Codes: Record<string, unknown>[] }).Codes);
    // The demo: 4 variables with 7 + 17 + 8 + 5 categories (shared/demo/codebook.ts).
    expect(all).toHaveLength(4 + 7 + 17 + 8 + 5);
    for (const code of all) {
      expect(code[':@'].guid).toMatch(GUID);
      expect(code[':@'].name).not.toBe('');
      expect(['true', 'false']).toContain(code[':@'].isCodable);
      if (code[':@'].color) expect(code[':@'].color).toMatch(/^#[0-9A-F]{6}$/);
    }
    expect(new Set(all.map((c) => c[':@'].guid)).size).toBe(all.length);
    // Variables group their categories; categories are what coders apply.
    expect(all.filter((c) => c[':@'].isCodable === 'false')).toHaveLength(4);
  });

  it('writes names in the chosen language and GUIDs that do not change between exports', () => {
    expect(xml).toContain('name="Сыбайлас жемқорлыққа тап болу"');
    expect(writeQdc(content, 'ru').xml).toContain('name="Столкновение с коррупцией"');
    expect(xml).toContain(`guid="${guidFor('reason/corruption')}"`);
    expect(writeQdc(content, 'kk').xml).toBe(xml);
  });

  it('escapes markup in names and descriptions', () => {
    const tricky = structuredClone(content);
    tricky.variables[0]!.categories[0]!.label = { en: 'A & B <"quoted">' };
    const out = writeQdc(tricky, 'en').xml;
    expect(out).toContain('A &amp; B &lt;&quot;quoted&quot;&gt;');
    expect(readQdc(out, 'en').content.variables[0]!.categories[0]!.label).toEqual({ en: 'A & B <"quoted">' });
  });

  it('refuses an empty codebook: Codes needs at least one Code', () => {
    expect(problemOf(() => writeQdc({ variables: [], merges: [] }, 'en'))).toEqual({ code: 'empty' });
  });
});

describe('Kodtau → .qdc → Kodtau', () => {
  it('keeps every variable and category, Kazakh text, values, shortcuts, colours and retired flags', () => {
    const edited = structuredClone(content);
    edited.variables[0]!.categories[6]!.retired = true;
    edited.variables[0]!.definition = { kk: 'Өтініштің себебі: ә ғ қ ң ө ұ ү һ і' };
    const back = readQdc(writeQdc(edited, 'kk').xml, 'kk');
    expect(back.content.variables).toEqual(edited.variables);
    expect(back.notes).toEqual([]);
  });

  it('reports the merge history as lost, since REFI-QDA has no place for it', () => {
    const merged = mergeCategory(content, 'reason', 'other', 'red_tape', 2);
    const { xml, notes } = writeQdc(merged, 'en');
    expect(notes).toEqual([{ code: 'merges-lost', count: 1 }]);
    expect(readQdc(xml, 'en').content.merges).toEqual([]);
  });

  it('takes a name changed in another tool as the label in that language', () => {
    const xml = writeQdc(content, 'kk').xml.replace('name="Өңір"', 'name="Аймақ"');
    const region = readQdc(xml, 'kk').content.variables[1]!;
    expect(region.label).toEqual({ kk: 'Аймақ', ru: 'Регион', en: 'Region' });
  });

  it('gives a code added in another tool the next free value and key after the known ones', () => {
    const added = `<Code guid="${guidFor('x')}" name="Жилищные вопросы" isCodable="true"/>`;
    const xml = writeQdc(content, 'ru').xml.replace(
      /(<Code guid="[^"]+" name="Столкновение с коррупцией")/,
      `${added}\n$1`,
    );
    const { content: read, notes } = readQdc(xml, 'ru');
    // The demo's reasons have values 1–7 and keys 1–7 (shared/demo/codebook.ts).
    expect(read.variables[0]!.categories[0]).toMatchObject({
      label: { ru: 'Жилищные вопросы' },
      value: 8,
      shortcut: '8',
    });
    expect(read.variables[0]!.categories.slice(1)).toEqual(content.variables[0]!.categories);
    expect(notes).toEqual([{ code: 'codes-generated', count: 1 }]);
  });

  it('keeps the labels when a file written in Kazakh is read as English', () => {
    expect(readQdc(writeQdc(content, 'kk').xml, 'en').content.variables).toEqual(content.variables);
  });
});

describe('readQdc: codebooks from other tools', () => {
  // Shaped like ATLAS.ti's and QualCoder's exports: upper-case GUIDs, Sets, nested codes.
  const foreign = `\uFEFF<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="ATLAS.ti Win 23.4.0">
  <Codes>
    <Code guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Жалоба" isCodable="false" color="#46AA00">
      <Description>Причины обращения</Description>
      <Code guid="2FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Взятка" isCodable="true" color="#46AA00">
        <Description>Вымогательство</Description>
        <Code guid="3FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Полиция" isCodable="true"/>
      </Code>
      <Code guid="4FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Red tape &amp; delays" isCodable="true"/>
    </Code>
    <Code guid="5FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Ирония" isCodable="true"/>
  </Codes>
  <Sets>
    <Set name="group" guid="ECA18D76-2B8B-4F26-BC1D-19ECA19FB3F0">
      <MemberCode guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" />
    </Set>
  </Sets>
</CodeBook>`;

  it('turns top-level codes into variables and descendants into categories, with notes for the preview', () => {
    const { content: read, notes } = readQdc(foreign, 'ru');
    expect(read.variables.map((v) => v.label)).toEqual([
      { ru: 'Жалоба' },
      { ru: 'group' },
      { kk: 'Кодтар', ru: 'Коды', en: 'Codes' },
    ]);
    const [complaint, group, codes] = read.variables;
    // The code group (<Set>) became a variable of its member codes.
    expect(group!.categories.map((c) => c.label.ru)).toEqual(['Жалоба']);
    expect(complaint!.kind).toBe('multi');
    expect(complaint!.definition).toEqual({ ru: 'Причины обращения' });
    expect(complaint!.categories.map((c) => [c.label.ru, c.value, c.shortcut, c.colour])).toEqual([
      ['Взятка', 1, '1', '#46aa00'],
      ['Взятка › Полиция', 2, '2', undefined],
      ['Red tape & delays', 3, '3', undefined],
    ]);
    expect(complaint!.categories[2]!.code).toBe('red_tape_delays');
    // Cyrillic names give codes from the GUID.
    expect(complaint!.categories[0]!.code).toBe('code_2ff58b12');
    expect(codes!.categories.map((c) => c.label.ru)).toEqual(['Ирония']);
    expect(notes).toEqual([
      { code: 'flattened', count: 1 },
      { code: 'ungrouped', count: 1 },
      { code: 'sets', count: 1 },
      // One variable and five categories had no Kodtau metadata.
      { code: 'codes-generated', count: 6 },
    ]);
  });
});

describe('readQdc: bad input changes nothing and says why', () => {
  it('refuses a billion-laughs bomb without expanding it', () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="&lol3;" isCodable="true"/></Codes></CodeBook>`;
    expect(problemOf(() => readQdc(bomb, 'en'))).toEqual({ code: 'xml-doctype' });
  });

  it('refuses external entities without fetching them', () => {
    const external = `<?xml version="1.0"?><!DOCTYPE c [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="&xxe;" isCodable="true"/></Codes></CodeBook>`;
    expect(problemOf(() => readQdc(external, 'en'))).toEqual({ code: 'xml-doctype' });
  });

  it('names the line of malformed XML', () => {
    const problem = problemOf(() => readQdc('<CodeBook>\n<Codes>\n</CodeBook>', 'en'));
    expect(problem).toMatchObject({ code: 'not-xml' });
    expect((problem as { detail: string }).detail).toMatch(/^line \d+:/);
  });

  it('refuses another XML vocabulary, a project file and an empty codebook', () => {
    expect(problemOf(() => readQdc('<html><body/></html>', 'en'))).toEqual({ code: 'not-codebook' });
    expect(
      problemOf(() => readQdc('<CodeBook xmlns="urn:QDA-XML:project:1.0"><Codes/></CodeBook>', 'en')),
    ).toEqual({ code: 'not-codebook' });
    expect(problemOf(() => readQdc(`<CodeBook xmlns="${QDC_NAMESPACE}"><Codes/></CodeBook>`, 'en'))).toEqual({
      code: 'empty',
    });
  });

  it('refuses duplicate codes carried in the Kodtau metadata', () => {
    const xml = writeQdc(content, 'en').xml.replace(/"code":"incompetence"/, '"code":"corruption"');
    // The second "corruption" cannot keep its code, so it gets one from its name instead.
    const read = readQdc(xml, 'en').content.variables[0]!.categories.map((c) => c.code);
    expect(new Set(read).size).toBe(read.length);
  });

  it('refuses a 5 MB file before parsing it', () => {
    const big = `<CodeBook xmlns="${QDC_NAMESPACE}"><Codes>${'<!-- padding -->'.repeat(330_000)}</Codes></CodeBook>`;
    expect(big.length).toBeGreaterThan(5_000_000);
    expect(problemOf(() => readQdc(big, 'en'))).toMatchObject({ code: 'too-large' });
  });
});
