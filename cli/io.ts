import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Where a command writes; injected so that tests can capture output without spawning a process. */
export interface CommandIO {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export const processIO: CommandIO = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** A command: takes its arguments (after the subcommand name) and returns the exit code. */
export interface Command {
  readonly summary: string;
  readonly run: (args: readonly string[], io: CommandIO) => Promise<number>;
}

/** Exit codes: 0 success, 1 bad input data, 2 bad usage. */
export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

/**
 * What a command's messages need: its name (the `kodtau <name>:` prefix), its help text, and
 * what follows the message of a usage error, which differs by command and is kept as it was:
 * - `see-help`: `kodtau <name>: <message> (see --help)`
 * - `run-help`: `kodtau <name>: <message>`, then `Run "kodtau <name> --help" for usage.`
 * - `show-help`: `kodtau <name>: <message>`, a blank line, then the whole help text.
 */
export interface CommandSpec {
  readonly name: string;
  readonly help: string;
  readonly usageHint: 'see-help' | 'run-help' | 'show-help';
}

/** Writes a usage error to stderr; returns {@link EXIT.usage}. */
export function usageError(io: CommandIO, command: CommandSpec, message: string): number {
  const prefix = `kodtau ${command.name}: ${message}`;
  switch (command.usageHint) {
    case 'see-help':
      io.err(`${prefix} (see --help)\n`);
      break;
    case 'run-help':
      io.err(`${prefix}\nRun "kodtau ${command.name} --help" for usage.\n`);
      break;
    case 'show-help':
      io.err(`${prefix}\n\n${command.help}`);
      break;
  }
  return EXIT.usage;
}

/** Writes a bad-input error to stderr; returns {@link EXIT.badInput}. */
export function inputError(io: CommandIO, command: CommandSpec, message: string): number {
  io.err(`kodtau ${command.name}: ${message}\n`);
  return EXIT.badInput;
}

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** `-h, --help`, which every command with positionals takes. */
const HELP_OPTION = { help: { type: 'boolean', short: 'h', default: false } } as const;

interface CommandArgsConfig<O extends OptionsConfig> {
  args: string[];
  allowPositionals: true;
  strict: true;
  options: O & typeof HELP_OPTION;
}

/** The parsed `values` (with `help`) and `positionals` of a command's arguments. */
export type CommandArgs<O extends OptionsConfig> = ReturnType<typeof parseArgs<CommandArgsConfig<O>>>;

/**
 * Parses a command's arguments strictly, positionals allowed, with `options` and `-h, --help`.
 * @returns the parsed arguments, or the exit code when the command is done: {@link EXIT.usage}
 *   after reporting an argument `parseArgs` refuses, {@link EXIT.ok} after printing the help.
 */
export function parseCommandArgs<O extends OptionsConfig>(
  io: CommandIO,
  command: CommandSpec,
  args: readonly string[],
  options: O,
): CommandArgs<O> | number {
  let parsed: CommandArgs<O>;
  try {
    const config: CommandArgsConfig<O> = {
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: { ...options, ...HELP_OPTION },
    };
    parsed = parseArgs(config);
  } catch (error) {
    return usageError(io, command, (error as Error).message);
  }
  // The generic `values` does not resolve its keys here; `help` is always among them.
  if ((parsed.values as { help: boolean }).help) {
    io.out(command.help);
    return EXIT.ok;
  }
  return parsed;
}
