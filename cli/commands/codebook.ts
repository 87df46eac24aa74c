import { readFile, writeFile } from 'node:fs/promises';
import type { CodebookProblem } from '../../shared/codebook/index.ts';
import {
  CodebookFileError,
  type CodebookFileProblem,
  type CodebookNote,
} from '../../shared/formats/codebookFile.ts';
import { writeCodebookJson } from '../../shared/formats/codebookJson.ts';
import { writeQdc } from '../../shared/formats/qdc.ts';
import { asCodebook, readCodebookFile } from '../../shared/formats/readCodebookFile.ts';
import { LANGS, type Lang } from '../../shared/model/index.ts';
import { EXIT, inputError, parseCommandArgs, usageError, type Command, type CommandIO } from '../io.ts';

const HELP = `Usage: kodtau codebook <input> --to qdc|json -o <file> [--lang kk|ru|en]

Converts a codebook between Kodtau and other QDA tools (MAXQDA, ATLAS.ti, NVivo, QDA Miner,
QualCoder), with the same code as the app.

input         a project package (.kodtau), a Kodtau codebook (.json) or a REFI-QDA
              codebook (.qdc); recognised by content.

Options:
  --to F        qdc (REFI-QDA Codebook 1.0) or json (Kodtau codebook).
  -o, --out P   the file to write.
  --lang L      language of the code names written to a .qdc, and of the names read from a
                .qdc made by another tool (default: en).
  -h, --help    show this help.

A .qdc carries Kodtau's translations, values, shortcuts and kinds in each code's
Description, so Kodtau -> .qdc -> Kodtau keeps them; the merge history is not carried
(a note says so). Exit status: 0 success, 1 bad input (the message says why), 2 bad usage.
`;

const COMMAND = { name: 'codebook', help: HELP, usageHint: 'show-help' } as const;

export const codebookCommand: Command = {
  summary: 'convert a codebook: package, Kodtau JSON or REFI-QDA .qdc to .qdc or JSON',
  run,
};

async function run(args: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseCommandArgs(io, COMMAND, args, {
    to: { type: 'string' },
    out: { type: 'string', short: 'o' },
    lang: { type: 'string', default: 'en' },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return usageError(io, COMMAND, 'expected exactly one input file');
  if (values.to !== 'qdc' && values.to !== 'json') return usageError(io, COMMAND, '--to must be qdc or json');
  if (!values.out) return usageError(io, COMMAND, 'missing -o <file>');
  const lang = values.lang as Lang;
  if (!LANGS.includes(lang)) return usageError(io, COMMAND, `--lang must be one of ${LANGS.join(', ')}`);
  const input = positionals[0] as string;

  let bytes: Uint8Array;
  try {
    bytes = await readFile(input);
  } catch (error) {
    return inputError(io, COMMAND, `cannot read ${input}: ${(error as Error).message}`);
  }
  try {
    const read = readCodebookFile(bytes, lang);
    const notes = [...read.notes];
    let output: string;
    if (values.to === 'json') {
      output = writeCodebookJson(asCodebook(read, 'cli', new Date()));
    } else {
      const qdc = writeQdc(read.content, lang);
      notes.push(...qdc.notes);
      output = qdc.xml;
    }
    await writeFile(values.out, output, 'utf8');
    for (const note of notes) io.err(`kodtau codebook: note: ${noteText(note)}\n`);
    const categories = read.content.variables.reduce((n, v) => n + v.categories.length, 0);
    io.out(`${values.out}: ${read.content.variables.length} variables, ${categories} categories\n`);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof CodebookFileError)) throw error;
    return inputError(io, COMMAND, `${input}: ${problemText(error.problem)}`);
  }
}

export function problemText(problem: CodebookFileProblem): string {
  switch (problem.code) {
    case 'too-large':
      return `too large for a codebook (${problem.chars} characters; the limit is 2 000 000)`;
    case 'not-json':
      return `not valid JSON (${problem.detail})`;
    case 'not-xml':
      return `not well-formed XML (${problem.detail})`;
    case 'xml-doctype':
      return 'the XML declares a DOCTYPE or entities, which a codebook never needs; refused without reading it';
    case 'too-deep':
      return `codes are nested more than ${problem.limit} levels deep, the most a .qdc may have`;
    case 'not-codebook':
      return 'not a Kodtau codebook, project package or REFI-QDA codebook (urn:QDA-XML:codebook:1.0)';
    case 'newer-version':
      return `written by a newer Kodtau (codebook file version ${problem.version})`;
    case 'invalid':
      return `not a valid codebook: ${problem.detail}`;
    case 'damaged':
      return 'the content does not match its hash: the file is damaged or was edited outside Kodtau';
    case 'empty':
      return 'the codebook has no codes';
    case 'package':
      return `not a readable project package (${problem.reason})`;
    case 'no-codebook':
      return 'the project package has no codebook';
    case 'problems':
      return problem.problems.map(codebookProblemText).join('; ');
  }
}

function codebookProblemText(p: CodebookProblem): string {
  switch (p.kind) {
    case 'duplicateVariable':
      return `variable id "${p.variableId}" is used twice`;
    case 'badCode':
      return `"${p.code}" in ${p.variableId} is not a valid code (letters, digits, _ and -)`;
    case 'duplicateCode':
      return `code "${p.code}" is used twice in ${p.variableId}`;
    case 'duplicateValue':
      return `value ${p.value} is used twice in ${p.variableId}`;
    case 'shortcutConflict':
      return `key "${p.shortcut}" is taken by ${p.codes.join(' and ')} in ${p.variableId}`;
    case 'badShortcut':
      return `key "${p.shortcut}" of ${p.code} in ${p.variableId} is not a digit or a Latin letter`;
    case 'noLabel':
      return `${p.code ?? p.variableId} in ${p.variableId} has no label`;
    case 'mergedCodeReused':
      return `code "${p.code}" in ${p.variableId} was merged away and cannot be reused`;
    case 'textWithCategories':
      return `free-text variable ${p.variableId} has categories`;
  }
}

function noteText(note: CodebookNote): string {
  switch (note.code) {
    case 'flattened':
      return `${note.count} codes nested below the second level became categories of their top-level code`;
    case 'ungrouped':
      return `${note.count} top-level codes without children were gathered into one variable "codes"`;
    case 'sets':
      return `${note.count} code groups (<Sets>) became multiple-choice variables of their member codes`;
    case 'codes-generated':
      return `${note.count} codes had no Kodtau metadata: codes, values and keys were generated`;
    case 'merges-lost':
      return `${note.count} recorded merges are not carried by REFI-QDA; older coder files merge only through the Kodtau codebook`;
  }
}
