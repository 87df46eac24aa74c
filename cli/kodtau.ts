import { agreementCommand } from './commands/agreement.ts';
import { codebookCommand } from './commands/codebook.ts';
import { demoCommand } from './commands/demo.ts';
import { exportCommand } from './commands/export.ts';
import { mergeCommand } from './commands/merge.ts';
import { summaryCommand } from './commands/summary.ts';
import { verifyCommand } from './commands/verify.ts';
import { EXIT, processIO, type Command, type CommandIO } from './io.ts';

/** The subcommands; each lives in its own file under cli/commands/. */
export const COMMANDS: Readonly<Record<string, Command>> = {
  agreement: agreementCommand,
  codebook: codebookCommand,
  demo: demoCommand,
  summary: summaryCommand,
  export: exportCommand,
  merge: mergeCommand,
  verify: verifyCommand,
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(12)}${c.summary}`);
  return `Usage: kodtau <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "kodtau <command> --help" for a command's options.\n`;
}

/** Dispatches `kodtau <command> …`; returns the exit code. */
export async function main(argv: readonly string[], io: CommandIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`kodtau: unknown command "${name}"\n${usage()}`);
    return EXIT.usage;
  }
  return command.run(rest, io);
}
