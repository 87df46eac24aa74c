import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  buildProjectFile,
  serializeProjectFile,
  type ProjectData,
} from '../../shared/formats/projectFile.ts';
import { codingKey, mergeCoderFiles, problemText, type FileReport } from '../../shared/merge/index.ts';
import { EXIT, inputError, parseCommandArgs, usageError, type Command, type CommandIO } from '../io.ts';
import { decodeUtf8, InputError, readBytes, readProjectInput } from '../projectInput.ts';

const HELP = `Usage: kodtau merge <project> <coder files…> -o <merged.json> [--json]

Merges coders' files into a project, as the app's "Coders & merge" screen does: per coder,
appeal and variable the later edit wins; a file merged twice changes nothing; the order of the
files does not matter.

project       a project package (.kodtau.json), or a project file: the output of an earlier
              "kodtau merge" or a project saved by the app (its codings and consensus are
              kept and the new files merged into them).
coder files   files exported by coders (.kodtau-coder.json). A file coded under an older
              codebook version merges through the categories merged since. A file is refused
              whole when it is of another project, under an unknown codebook, damaged or of a
              newer format; when an answer does not fit its variable (two categories on a single
              choice, text on a choice, categories on a free text, an unknown category, "none of
              these" where it is not an answer) or a coding appears twice; or when a time in it
              is more than a day ahead of this computer's clock.

Options:
  -o, --out P   the project file to write (format kodtau-project version 2, see
              docs/formats.md: project, codebooks, appeals, coders, codings, consensus, ...).
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

  let base: ProjectData;
  let files: { name: string; text: string }[];
  try {
    base = readProjectInput(projectFile, await readBytes(projectFile));
    files = await Promise.all(
      coderFiles.map(async (file) => ({ name: basename(file), text: decodeUtf8(await readBytes(file)) })),
    );
  } catch (error) {
    if (error instanceof InputError) return inputError(io, COMMAND, error.message);
    throw error;
  }

  const target = {
    projectId: base.project.id,
    codebooks: base.codebooks,
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
  const merged = buildProjectFile({ ...base, coders: [...coders.values()], codings });
  // Canonical (sorted keys): equal merges give byte-equal files, whatever the order of the inputs.
  await writeFile(values.out, serializeProjectFile(merged));
  return EXIT.ok;
}
