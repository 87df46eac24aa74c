import { EXIT, processIO, type Command, type CommandIO } from './io.ts';

/**
 * The subcommands; each lives in its own file under cli/commands/ and is loaded only when run,
 * so that a command starts without parsing the others (and their libraries).
 */
export const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  agreement: async () => (await import('./commands/agreement.ts')).agreementCommand,
  codebook: async () => (await import('./commands/codebook.ts')).codebookCommand,
  demo: async () => (await import('./commands/demo.ts')).demoCommand,
  summary: async () => (await import('./commands/summary.ts')).summaryCommand,
  export: async () => (await import('./commands/export.ts')).exportCommand,
  merge: async () => (await import('./commands/merge.ts')).mergeCommand,
  plan: async () => (await import('./commands/plan.ts')).planCommand,
  verify: async () => (await import('./commands/verify.ts')).verifyCommand,
};

async function usage(): Promise<string> {
  const commands = await Promise.all(
    Object.entries(COMMANDS).map(async ([name, load]) => [name, await load()] as const),
  );
  const lines = commands.map(([name, c]) => `  ${name.padEnd(12)}${c.summary}`);
  return `Usage: kodtau <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "kodtau <command> --help" for a command's options.\n`;
}

/**
 * Dispatches `kodtau <command> …`; returns the exit code. A command reports the problems it
 * knows in its own words; anything else it meets is caught here and printed as one line, never
 * as a stack trace, with exit status 1.
 */
export async function main(argv: readonly string[], io: CommandIO = processIO): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const [name] = argv;
    const prefix = name !== undefined && Object.hasOwn(COMMANDS, name) ? `kodtau ${name}` : 'kodtau';
    io.err(`${prefix}: the input could not be processed: ${message.split('\n')[0]}\n`);
    return EXIT.badInput;
  }
}

async function dispatch(argv: readonly string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(await usage());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.err(`kodtau: unknown command "${name}"\n${await usage()}`);
    return EXIT.usage;
  }
  return (await load()).run(rest, io);
}
