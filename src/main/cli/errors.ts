// What every CLI command shares: where it writes, and how it stops with a reason.

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is a terminal: long commands then show progress there. */
  stderrIsTTY?: boolean;
  /** True when stdout is a terminal: a file's content printed there is made safe. */
  stdoutIsTTY?: boolean;
  /** A file's content for stdout, byte for byte unless stdout is a terminal (see terminal.ts). */
  file?(text: string): void;
}

/** A failure the CLI reports as one line on stderr with a non-zero exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
