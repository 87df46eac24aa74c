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
