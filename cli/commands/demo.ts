import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDemoProject, type DemoProject } from '../../shared/demo/index.ts';
import { createProjectPackage, serializeProjectPackage } from '../../shared/formats/projectPackage.ts';
import { demoAdjudicatedFile, demoCoderFiles } from '../../shared/merge/index.ts';
import { EXIT, type Command, type CommandIO } from '../io.ts';

const HELP = `Usage: kodtau demo --out <dir>

Writes the demo project (341 synthetic appeals to the Anti-Corruption Agency in Russian and
Kazakh, and its trilingual codebook) into <dir>, created if missing, so that every command can
be tried on real-looking data:

  ${'open-dialogue-demo.kodtau'.padEnd(28)}the project package (open it in Kodtau, or pass it to
  ${''.padEnd(28)}kodtau export / merge)
  ${'aigerim.kodtau-coder.json'.padEnd(28)}the two demo coders' files, as they would send them back
  ${'dmitry.kodtau-coder.json'.padEnd(28)}(kodtau merge open-dialogue-demo.kodtau *.kodtau-coder.json -o merged.json)
  ${''.padEnd(28)}— each codes half the appeals and both an overlap sample of 68
  ${'open-dialogue-demo.adjudicated.json'.padEnd(28)}
  ${''.padEnd(28)}the project file once the supervisor has settled every
  ${''.padEnd(28)}disagreement; its final dataset is the study's tables
  ${''.padEnd(28)}(kodtau export open-dialogue-demo.adjudicated.json --source final
  ${''.padEnd(28)}--format wide -o final.csv)

Existing files of the same names are replaced.

Options:
  --out DIR    the folder to write into (required).
  -h, --help   show this help.

Exit status: 0 success, 1 the folder cannot be written, 2 bad usage.
`;

/** The files `kodtau demo` writes, in the order it lists them. */
function demoFiles(demo: DemoProject): { name: string; bytes: Uint8Array }[] {
  const pkg = createProjectPackage({
    project: demo.project,
    codebook: demo.codebook,
    appeals: demo.appeals,
    // Fixed, so the same build writes the same bytes.
    createdAt: demo.project.createdAt,
  });
  return [
    { name: 'open-dialogue-demo.kodtau', bytes: serializeProjectPackage(pkg) },
    ...[...demoCoderFiles(demo), demoAdjudicatedFile(demo)].map(({ name, text }) => ({
      name,
      bytes: new TextEncoder().encode(text),
    })),
  ];
}

/** `kodtau demo --out <dir>`: writes the demo project's files. */
export const demoCommand: Command = {
  summary: 'write the demo project (package, coder files, adjudicated project) into a folder',
  run,
};

async function run(args: readonly string[], io: CommandIO): Promise<number> {
  let out: string | undefined;
  try {
    const { values } = parseArgs({
      args: [...args],
      strict: true,
      options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      io.out(HELP);
      return EXIT.ok;
    }
    out = values.out;
  } catch (error) {
    io.err(`kodtau demo: ${(error as Error).message}\n${HELP}`);
    return EXIT.usage;
  }
  if (!out) {
    io.err(`kodtau demo: --out <dir> is required\n${HELP}`);
    return EXIT.usage;
  }
  const files = demoFiles(createDemoProject());
  try {
    await mkdir(out, { recursive: true });
    for (const file of files) {
      const path = join(out, file.name);
      await writeFile(path, file.bytes);
      io.out(`${path}\n`);
    }
  } catch (error) {
    io.err(`kodtau demo: cannot write into ${out}: ${(error as Error).message}\n`);
    return EXIT.badInput;
  }
  return EXIT.ok;
}
