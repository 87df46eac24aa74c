import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { validateCodebook } from '../codebook/validateCodebook.ts';
import {
  categorySchema,
  localize,
  localizedTextSchema,
  VARIABLE_KINDS,
  type Category,
  type CodebookContent,
  type Lang,
  type LocalizedText,
  type Variable,
} from '../model/index.ts';
import { checkSize, CodebookFileError, type CodebookNote, type ReadCodebook } from './codebookFile.ts';

/**
 * REFI-QDA codebook exchange (`.qdc`, Codebook.xsd 1.0, namespace urn:QDA-XML:codebook:1.0),
 * read by MAXQDA, ATLAS.ti, NVivo, QDA Miner and QualCoder. Variables are top-level codes and
 * their categories the children. The standard has one name and one description per code, so
 * what it cannot express (the other languages, numeric values, shortcuts, kinds) rides in the
 * Description after a `kodtau:` line that Kodtau reads back; other tools show it as text.
 *
 * The XSD (1.0): `CodeBook(origin?)` holds `Codes` (one or more `Code`) and an optional `Sets`
 * that, when present, holds at least one `Set` — so Kodtau writes no `Sets`. `Code` has the
 * required attributes `guid` (8-4-4-4-12 hex), `name`, `isCodable` and an optional `color`
 * (`#RRGGBB`), then an optional `Description` and child `Code`s, in that order.
 */
export const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/** The line that starts the machine-readable part of a Description. */
const MARKER = 'kodtau:';

/** A GUID (8-4-4-4-12, upper-case hex) from a stable key: the same code gets the same GUID on every export. */
export function guidFor(key: string): string {
  const hex = bytesToHex(sha256(utf8ToBytes(`kodtau-qdc:${key}`))).toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const variableMetaSchema = z.object({
  id: z.string(),
  kind: z.enum(VARIABLE_KINDS),
  required: z.boolean(),
  label: localizedTextSchema,
  definition: localizedTextSchema,
});
const categoryMetaSchema = categorySchema.omit({ colour: true });

function description(human: string, meta: object): string {
  return `${human ? `${human}\n\n` : ''}${MARKER}${JSON.stringify(meta)}`;
}

interface XmlCode {
  '@_guid': string;
  '@_name': string;
  '@_isCodable': 'true' | 'false';
  '@_color'?: string;
  Description: string;
  Code?: XmlCode[];
}

function categoryCode(variable: Variable, category: Category, lang: Lang): XmlCode {
  const { colour, ...meta } = category;
  const human = [localize(category.definition, lang), localize(category.examples, lang)].filter(Boolean);
  return {
    '@_guid': guidFor(`${variable.id}/${category.code}`),
    '@_name': localize(category.label, lang) || category.code,
    '@_isCodable': 'true',
    ...(colour ? { '@_color': colour.toUpperCase() } : {}),
    Description: description(human.join('\n\n'), meta),
  };
}

/**
 * The codebook as a `.qdc` document, names and descriptions in `lang`. The merge history is
 * not carried (REFI-QDA has no place for it): `notes` says so when there is one.
 */
export function writeQdc(content: CodebookContent, lang: Lang): { xml: string; notes: CodebookNote[] } {
  if (content.variables.length === 0) throw new CodebookFileError({ code: 'empty' });
  const codes = content.variables.map((variable): XmlCode => {
    const { categories, ...meta } = variable;
    return {
      '@_guid': guidFor(variable.id),
      '@_name': localize(variable.label, lang) || variable.id,
      // A choice variable is a group: coders code its categories. A text variable has none.
      '@_isCodable': categories.length === 0 ? 'true' : 'false',
      Description: description(localize(variable.definition, lang), meta),
      ...(categories.length > 0 ? { Code: categories.map((c) => categoryCode(variable, c, lang)) } : {}),
    };
  });
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    // The builder writes `isCodable` bare when it is "true" unless told not to; XML needs the value.
    suppressBooleanAttributes: false,
    format: true,
    indentBy: '  ',
  });
  const body = builder.build({
    CodeBook: { '@_xmlns': QDC_NAMESPACE, '@_origin': 'Kodtau', Codes: { Code: codes } },
  }) as string;
  const notes: CodebookNote[] =
    content.merges.length > 0 ? [{ code: 'merges-lost', count: content.merges.length }] : [];
  return { xml: `<?xml version="1.0" encoding="utf-8"?>\n${body}`, notes };
}

/** The namespace the root `CodeBook` declares for itself, prefixed (`qda:CodeBook`) or not. */
function rootNamespace(source: string): string | undefined {
  const root = /<(?:([\w.-]+):)?CodeBook\b([^>]*)>/.exec(source);
  if (!root) return undefined;
  const prefix = root[1] ? `:${root[1]}` : '';
  return new RegExp(`\\bxmlns${prefix}\\s*=\\s*["']([^"']*)["']`).exec(root[2]!)?.[1];
}

/** A `Set` element (a code group of ATLAS.ti, MAXQDA) as read: its name, description, members. */
interface ParsedSet {
  guid?: string;
  name?: string;
  Description?: string;
  members: string[];
}

/** A `Code` element as read: its attributes and Description as text, its child codes. */
interface ParsedCode {
  guid?: string;
  name?: string;
  color?: string;
  Description?: string;
  Code?: ParsedCode[];
}

/**
 * How deeply `Code` elements may nest in a `.qdc` read (a top-level code is depth 1). QDA tools
 * nest codes a handful of levels; the limit keeps the parser and the flattening, which walk the
 * tree by recursion, far from the call stack's end.
 */
export const MAX_QDC_DEPTH = 100;

/** The elements and attributes Kodtau reads; every other name is renamed before it becomes a key. */
const QDC_ELEMENTS = new Set(['CodeBook', 'Codes', 'Code', 'Description', 'Sets', 'Set', 'MemberCode']);
const QDC_ATTRIBUTES = new Set(['xmlns', 'origin', 'guid', 'name', 'isCodable', 'color']);
/**
 * Renames a name Kodtau does not read. The parser refuses `__proto__` or `constructor` as an
 * element or attribute name outright; under another prefix such a name is as ordinary as any.
 */
const foreignElement = (name: string) => (QDC_ELEMENTS.has(name) ? name : `other:${name}`);
/** The same for attributes, which reach the rename with the parser's `@_` prefix on. */
const foreignAttribute = (name: string) => {
  const bare = name.replace(/^@_/, '');
  return QDC_ATTRIBUTES.has(bare) ? `@_${bare}` : `@_other:${bare}`;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** An element's text: a string as it is, several (a repeated element) joined, markup inside dropped. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).filter(Boolean).join('\n\n');
  if (isRecord(value) && Object.hasOwn(value, '#text')) return textOf(value['#text']);
  return '';
}

/** An attribute's value, when it is one (a string). */
function attribute(node: Record<string, unknown>, name: string): string | undefined {
  const value = Object.hasOwn(node, `@_${name}`) ? node[`@_${name}`] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** A parsed `Code` element in Kodtau's shape; `depth` is 1 for a top-level code. */
function toCode(node: unknown, depth: number): ParsedCode {
  if (depth > MAX_QDC_DEPTH) throw new CodebookFileError({ code: 'too-deep', limit: MAX_QDC_DEPTH });
  if (!isRecord(node)) return {};
  const children = Object.hasOwn(node, 'Code') && Array.isArray(node.Code) ? node.Code : [];
  const description = Object.hasOwn(node, 'Description') ? textOf(node.Description) : undefined;
  return {
    guid: attribute(node, 'guid'),
    name: attribute(node, 'name'),
    color: attribute(node, 'color'),
    ...(description === undefined ? {} : { Description: description }),
    Code: children.map((child) => toCode(child, depth + 1)),
  };
}

/** A parsed `Set` element in Kodtau's shape: the guids of its member codes. */
function toSet(node: unknown): ParsedSet {
  if (!isRecord(node)) return { members: [] };
  const members = Object.hasOwn(node, 'MemberCode') && Array.isArray(node.MemberCode) ? node.MemberCode : [];
  const description = Object.hasOwn(node, 'Description') ? textOf(node.Description) : undefined;
  return {
    guid: attribute(node, 'guid'),
    name: attribute(node, 'name'),
    ...(description === undefined ? {} : { Description: description }),
    members: members.flatMap((member) => {
      const guid = isRecord(member) ? attribute(member, 'guid') : undefined;
      return guid ? [guid] : [];
    }),
  };
}

/** The Description split into what a person reads and Kodtau's metadata line, if any. */
function splitDescription(text: string | undefined): { human: string; meta: unknown } {
  const value = (text ?? '').replace(/\r\n/g, '\n');
  const at = value.lastIndexOf(MARKER);
  if (at === -1 || (at > 0 && value[at - 1] !== '\n')) return { human: value.trim(), meta: undefined };
  try {
    return { human: value.slice(0, at).trim(), meta: JSON.parse(value.slice(at + MARKER.length)) };
  } catch {
    return { human: value.trim(), meta: undefined };
  }
}

/** An ASCII code from a name where it has one (Latin letters, digits), else from the GUID. */
function codeFrom(name: string, guid: string, taken: Set<string>): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  let code =
    slug ||
    `code_${guid
      .replace(/[^0-9a-fA-F]/g, '')
      .slice(0, 8)
      .toLowerCase()}`;
  for (let n = 2; taken.has(code); n++) code = `${slug || 'code'}_${n}`;
  taken.add(code);
  return code;
}

const text = (lang: Lang, value: string): LocalizedText => (value ? { [lang]: value } : {});

/**
 * The name wins over Kodtau's label when another tool renamed the code; a name equal to the
 * label in any language (a file exported in another language) changes nothing.
 */
function relabel(label: LocalizedText, name: string, lang: Lang): LocalizedText {
  return name && !Object.values(label).includes(name) ? { ...label, [lang]: name } : label;
}

/** The variable that gathers top-level codes without children. */
const UNGROUPED_LABEL: LocalizedText = { kk: 'Кодтар', ru: 'Коды', en: 'Codes' };

const KEYS = [...'123456789abcdefghijklmnopqrstuvwxyz'];

/** A code and its descendants as categories; below the first level the names show the path. */
function flatten(code: ParsedCode, path: string[]): { code: ParsedCode; path: string[] }[] {
  const here = [...path, code.name ?? ''];
  return [{ code, path: here }, ...(code.Code ?? []).flatMap((child) => flatten(child, here))];
}

/**
 * A top-level code's descendants as categories. Those with Kodtau metadata keep it; the others
 * (codes added in another tool) get a code from their name, and the next free value and key
 * after the known ones, so that a codebook edited elsewhere comes back without conflicts.
 */
function readCategories(
  variableId: string,
  children: readonly ParsedCode[],
  lang: Lang,
  notes: { flattened: number; generated: number },
): Category[] {
  const taken = new Set<string>();
  const entries = children.flatMap((child) => flatten(child, []));
  notes.flattened += entries.length - children.length;
  const read = entries.map(({ code, path }) => {
    const name = path.join(' › ');
    const { human, meta } = splitDescription(code.Description);
    const colour = /^#[0-9a-f]{6}$/i.test(code.color ?? '') ? code.color?.toLowerCase() : undefined;
    const known = categoryMetaSchema.safeParse(meta);
    if (known.success && !taken.has(known.data.code)) {
      taken.add(known.data.code);
      const label = relabel(known.data.label, name, lang);
      return { ...known.data, label, ...(colour ? { colour } : {}) } satisfies Category;
    }
    return { code, name, human, colour };
  });
  const known = read.filter((c): c is Category => 'value' in c);
  let value = Math.max(0, ...known.map((c) => c.value));
  const keys = KEYS.filter((key) => !known.some((c) => c.shortcut === key));
  return read.map((c, index): Category => {
    if ('value' in c) return c;
    notes.generated++;
    return {
      code: codeFrom(c.name, c.code.guid ?? `${variableId}${index}`, taken),
      value: ++value,
      label: text(lang, c.name),
      definition: text(lang, c.human),
      examples: {},
      shortcut: keys.shift(),
      retired: false,
      ...(c.colour ? { colour: c.colour } : {}),
    };
  });
}

/**
 * Reads a `.qdc`. Refuses a DOCTYPE outright (no entity is ever declared, expanded or
 * fetched: this stops the "billion laughs" bomb and external entities before any parsing),
 * then checks well-formedness and the REFI-QDA structure. Top-level codes become variables
 * and their children categories; deeper codes are flattened into their top-level variable,
 * and top-level codes without children are gathered into one multiple-choice variable.
 * Names and descriptions from other tools are taken as written in `lang`.
 */
export function readQdc(xml: string, lang: Lang): ReadCodebook {
  checkSize(xml);
  const source = xml.replace(/^\uFEFF/, '');
  if (/<!DOCTYPE|<!ENTITY/i.test(source)) throw new CodebookFileError({ code: 'xml-doctype' });
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    throw new CodebookFileError({ code: 'not-xml', detail: `line ${valid.err.line}: ${valid.err.msg}` });
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    // Only the five predefined entities and character references remain possible (no DOCTYPE).
    processEntities: true,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name) => name === 'Code' || name === 'Set' || name === 'MemberCode',
    // A prefixed namespace (`<qda:CodeBook xmlns:qda="urn:QDA-XML:codebook:1.0">`) is as valid.
    removeNSPrefix: true,
    transformTagName: foreignElement,
    transformAttributeName: foreignAttribute,
    // CodeBook, Codes and a Description around the codes; deeper is refused by toCode's limit.
    maxNestedTags: MAX_QDC_DEPTH + 4,
  });
  let parsed: unknown;
  try {
    parsed = parser.parse(source);
  } catch (error) {
    if (/nested/i.test((error as Error).message))
      throw new CodebookFileError({ code: 'too-deep', limit: MAX_QDC_DEPTH });
    throw new CodebookFileError({ code: 'not-xml', detail: (error as Error).message });
  }
  const root = isRecord(parsed) && isRecord(parsed.CodeBook) ? parsed.CodeBook : undefined;
  const namespace = rootNamespace(source);
  if (!root || (namespace !== undefined && namespace !== QDC_NAMESPACE)) {
    throw new CodebookFileError({ code: 'not-codebook' });
  }
  const codes = isRecord(root.Codes) && Array.isArray(root.Codes.Code) ? root.Codes.Code : [];
  const top = codes.map((code) => toCode(code, 1));
  if (top.length === 0) throw new CodebookFileError({ code: 'empty' });
  if (top.some((code) => !code.name || !code.guid)) {
    throw new CodebookFileError({ code: 'invalid', detail: 'Code without name or guid' });
  }

  const counts = { flattened: 0, generated: 0 };
  const taken = new Set<string>();
  const groups = top.filter(
    (code) =>
      (code.Code ?? []).length > 0 ||
      variableMetaSchema.safeParse(splitDescription(code.Description).meta).success,
  );
  const loose = top.filter((code) => !groups.includes(code));
  const variables: Variable[] = groups.map((code) => {
    const { human, meta } = splitDescription(code.Description);
    const known = variableMetaSchema.safeParse(meta);
    if (known.success && !taken.has(known.data.id)) {
      taken.add(known.data.id);
      const label = relabel(known.data.label, code.name ?? '', lang);
      return {
        ...known.data,
        label,
        categories: readCategories(known.data.id, code.Code ?? [], lang, counts),
      };
    }
    counts.generated++;
    const id = codeFrom(code.name ?? '', code.guid ?? '', taken);
    return {
      id,
      // QDA tools apply codes independently of each other: several may apply at once.
      kind: 'multi',
      required: false,
      label: text(lang, code.name ?? ''),
      definition: text(lang, human),
      categories: readCategories(id, code.Code ?? [], lang, counts),
    };
  });
  // Code groups (ATLAS.ti, MAXQDA): each becomes a multiple-choice variable of its member codes.
  const byGuid = new Map(top.flatMap((code) => flatten(code, [])).map(({ code }) => [code.guid, code]));
  let sets = 0;
  const parsedSets = isRecord(root.Sets) && Array.isArray(root.Sets.Set) ? root.Sets.Set.map(toSet) : [];
  for (const set of parsedSets) {
    const members = set.members.flatMap((guid) => {
      const code = byGuid.get(guid);
      return code ? [{ ...code, Code: [] }] : [];
    });
    if (!set.name || members.length === 0) continue;
    sets++;
    const id = codeFrom(set.name, set.guid ?? '', taken);
    variables.push({
      id,
      kind: 'multi',
      required: false,
      label: text(lang, set.name),
      definition: text(lang, (set.Description ?? '').trim()),
      categories: readCategories(id, members, lang, counts),
    });
  }
  if (loose.length > 0) {
    const id = codeFrom('codes', '', taken);
    variables.push({
      id,
      kind: 'multi',
      required: false,
      label: { ...UNGROUPED_LABEL },
      definition: {},
      categories: readCategories(id, loose, lang, counts),
    });
  }
  const content: CodebookContent = { variables, merges: [] };
  const problems = validateCodebook(content);
  if (problems.length > 0) throw new CodebookFileError({ code: 'problems', problems });
  const notes: CodebookNote[] = [];
  if (counts.flattened > 0) notes.push({ code: 'flattened', count: counts.flattened });
  if (loose.length > 0) notes.push({ code: 'ungrouped', count: loose.length });
  if (sets > 0) notes.push({ code: 'sets', count: sets });
  if (counts.generated > 0) notes.push({ code: 'codes-generated', count: counts.generated });
  return { content, notes };
}
