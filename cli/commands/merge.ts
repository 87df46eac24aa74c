import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { PACKAGE_FORMAT, PackageError, parseProjectPackage } from '../../shared/formats/projectPackage.ts';
import {
  buildMergedProject,
  codingKey,
  MERGED_PROJECT_FORMAT,
  MergedProjectError,
  mergeCoderFiles,
  parseMergedProject,
  problemText,
  type FileReport,
} from '../../shared/merge/index.ts';
import {
  canonicalJson,
  type Appeal,
  type Codebook,
  type Coder,
  type Coding,
  type Project,
} from '../../shared/model/index.ts';
import { EXIT, inputError, parseCommandArgs, usageError, type Command, type CommandIO } from '../io.ts';

const HELP = `Usage: kodtau merge <project> <coder files…> -o <merged.json> [--json]

Merges coders' files into a project, as the app's "Coders & merge" screen does: per coder,
appeal and variable the later edit wins; a file merged twice changes nothing; the order of the
files does not matter.

project       a project package (.kodtau.json), or the output of an earlier "kodtau merge"
              (its codings are kept and the new files merged into them).
coder files   files exported by coders (.kodtau-coder.json). A file coded under an older
              codebook version merges through the categories merged since; a file of another
              project, under an unknown codebook, damaged or of a newer format is refused.

Options:
  -o, --out P   the merged project to write (JSON: project, codebook, appeals, coders, codings).
  --json        print the report as JSON (one object per file) instead of a table.
  -h, --help    show this help.

Exit status: 0 success; 1 a file was refused or unreadable (the report says why, and no output
is written); 2 bad usage.
`;

const COMMAND = { name: 'merge', help: HELP, usageHint: 'run-help' } as const;

/** `kodtau merge`: the shared merge of coder files, headless. */
export const mergeCommand: Command = {
  summary: 'merge coder files into a project package (same merge and report as the app)',
  run,
};

interface Base {
  project: Project;
  codebook: Codebook;
  appeals: Appeal[];
  coders: Coder[];
  codings: Coding[];
}

class InputError extends Error {}

/** A project package or an earlier merged project, by its `format`. */
function readProject(name: string, bytes: Uint8Array): Base {
  let json: { format?: unknown };
  try {
    json = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, '')) as { format?: unknown };
  } catch {
    throw new InputError(`${name}: not a readable JSON file`);
  }
  if (json.format === MERGED_PROJECT_FORMAT) {
    try {
      return parseMergedProject(json);
    } catch (error) {
      if (error instanceof MergedProjectError)
        throw new InputError(`${name}: not a readable merged project (${error.code})`);
      throw error;
    }
  }
  if (json.format !== PACKAGE_FORMAT)
    throw new InputError(`${name}: neither a project package nor a merged project`);
  try {
    const pkg = parseProjectPackage(bytes);
    if (!pkg.codebook) throw new InputError(`${name}: the package has no codebook`);
    return { project: pkg.project, codebook: pkg.codebook, appeals: pkg.appeals, coders: [], codings: [] };
  } catch (error) {
    if (error instanceof PackageError)
      throw new InputError(`${name}: not a readable project package (${error.code})`);
    throw error;
  }
}

function reportTable(reports: readonly FileReport[]): string {
  const rows = reports.map((r) =>
    r.status === 'merged'
      ? [r.fileName, r.coder.name, String(r.added), String(r.updated), String(r.unchanged), 'merged']
      : [r.fileName, '', '', '', '', `refused: ${problemText(r.problem)}`],
  );
  const head = ['file', 'coder', 'added', 'updated', 'unchanged', 'result'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i >= 2 && i <= 4 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return `${[line(head), ...rows.map(line)].join('\n')}\n`;
}

async function run(args: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseCommandArgs(io, COMMAND, args, {
    out: { type: 'string', short: 'o' },
    json: { type: 'boolean', default: false },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const [projectFile, ...coderFiles] = positionals;
  if (!projectFile || coderFiles.length === 0)
    return usageError(io, COMMAND, 'expected a project and at least one coder file');
  if (!values.out) return usageError(io, COMMAND, '-o <merged.json> is required');

  let base: Base;
  let files: { name: string; text: string }[];
  try {
    base = readProject(projectFile, await read(projectFile));
    files = await Promise.all(
      coderFiles.map(async (file) => ({ name: basename(file), text: decodeUtf8(await read(file)) })),
    );
  } catch (error) {
    if (error instanceof InputError) return inputError(io, COMMAND, error.message);
    throw error;
  }

  const target = {
    projectId: base.project.id,
    codebooks: [base.codebook],
    appealIds: new Set(base.appeals.map((a) => a.id)),
  };
  const outcome = mergeCoderFiles(target, base.codings, files);
  io.out(values.json ? `${JSON.stringify(outcome.reports, null, 2)}\n` : reportTable(outcome.reports));
  if (outcome.reports.some((r) => r.status === 'refused'))
    return inputError(io, COMMAND, 'a file was refused; nothing was written');
  const changed = new Map(outcome.changed.map((c) => [codingKey(c), c]));
  const codings = [...base.codings.filter((c) => !changed.has(codingKey(c))), ...changed.values()];
  const coders = new Map(base.coders.map((c) => [c.id, c]));
  for (const coder of outcome.coders) coders.set(coder.id, coder);
  const merged = buildMergedProject({ ...base, coders: [...coders.values()], codings });
  // Canonical (sorted keys): equal merges give byte-equal files, whatever the order of the inputs.
  await writeFile(values.out, `${canonicalJson(merged)}\n`);
  return EXIT.ok;
}

/** Invalid UTF-8 becomes an empty text, which the coder file reader reports as unreadable. */
function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return '';
  }
}

async function read(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    throw new InputError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
