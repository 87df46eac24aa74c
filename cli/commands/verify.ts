import { basename } from 'node:path';
import {
  currentCodebookOf,
  parseProjectFileText,
  ProjectFileError,
  type ProjectFile,
} from '../../shared/formats/projectFile.ts';
import { EXIT, parseCommandArgs, usageError, type Command, type CommandIO } from '../io.ts';
import { InputError, readBytes } from '../projectInput.ts';

const HELP = `Usage: kodtau verify <project file…> [--json]

Checks project files — the app's "Save project file…" and its daily copies, or what
"kodtau merge -o" writes — as the app's restore does: the format, the version, every field and
the SHA-256 digest. For each file prints what it holds, or why the app would refuse it.

Options:
  --json         print one JSON array, one object per file: file, ok, and either reason
                 (foreign | newer | invalid | integrity | unreadable) or project (id, name),
                 codebookVersion and counts (appeals, codebooks, coders, codings, cleared,
                 consensus, reviews, trainingSets, imports).
  -h, --help     show this help.

Exit status: 0 every file is sound, 1 one or more are refused, 2 bad usage.
`;

const COMMAND = { name: 'verify', help: HELP, usageHint: 'see-help' } as const;

/** `kodtau verify`: whether project files (backups) would restore, and what they hold. */
export const verifyCommand: Command = {
  summary: 'check project files (backups) as the app restores them, and count what they hold',
  run,
};

type Verdict =
  | { file: string; ok: true; project: { id: string; name: string }; codebookVersion: number; counts: Counts }
  | { file: string; ok: false; reason: ProjectFileError['code'] | 'unreadable' };

type Counts = Record<
  | 'appeals'
  | 'codebooks'
  | 'coders'
  | 'codings'
  | 'cleared'
  | 'consensus'
  | 'reviews'
  | 'trainingSets'
  | 'imports',
  number
>;

const countsOf = (file: ProjectFile): Counts => ({
  appeals: file.appeals.length,
  codebooks: file.codebooks.length,
  coders: file.coders.length,
  codings: file.codings.filter((c) => !c.cleared).length,
  cleared: file.codings.filter((c) => c.cleared).length,
  consensus: file.consensus.length,
  reviews: file.reviews.length,
  trainingSets: file.trainingSets.length,
  imports: file.imports.length,
});

async function verify(path: string): Promise<Verdict> {
  const file = basename(path);
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(path);
  } catch (error) {
    if (error instanceof InputError) return { file, ok: false, reason: 'unreadable' };
    throw error;
  }
  try {
    const read = parseProjectFileText(new TextDecoder().decode(bytes));
    return {
      file,
      ok: true,
      project: { id: read.project.id, name: read.project.name },
      codebookVersion: currentCodebookOf(read).version,
      counts: countsOf(read),
    };
  } catch (error) {
    if (error instanceof ProjectFileError) return { file, ok: false, reason: error.code };
    throw error;
  }
}

const REASONS: Record<Extract<Verdict, { ok: false }>['reason'], string> = {
  foreign: 'not a Kodtau project file',
  newer: 'written by a newer Kodtau',
  invalid: 'damaged: a field is missing or malformed',
  tooDeep: 'nested deeper than 64 levels: not a file Kodtau writes',
  integrity: 'changed or damaged since it was written: the digest does not match',
  unreadable: 'cannot be read',
};

function describe(verdict: Verdict): string {
  if (!verdict.ok) return `${verdict.file}: refused, ${REASONS[verdict.reason]}\n`;
  const c = verdict.counts;
  return (
    `${verdict.file}: ok, "${verdict.project.name}" (${verdict.project.id}), codebook version ` +
    `${verdict.codebookVersion} (${c.codebooks} kept); ${c.appeals} appeals, ${c.coders} coders, ` +
    `${c.codings} codings and ${c.cleared} cleared, ${c.consensus} settled units, ` +
    `${c.reviews} review flags, ${c.trainingSets} training sets, ${c.imports} import records\n`
  );
}

async function run(args: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseCommandArgs(io, COMMAND, args, { json: { type: 'boolean', default: false } });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length === 0) return usageError(io, COMMAND, 'expected one or more project files');
  const verdicts: Verdict[] = [];
  for (const path of positionals) verdicts.push(await verify(path));
  if (values.json) io.out(`${JSON.stringify(verdicts, null, 2)}\n`);
  else for (const verdict of verdicts) (verdict.ok ? io.out : io.err)(describe(verdict));
  return verdicts.every((v) => v.ok) ? EXIT.ok : EXIT.badInput;
}
