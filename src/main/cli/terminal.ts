// Everything the command line prints passes through here. Text from the library or from file
// names has its control characters shown as visible escapes ("\u001b"), so a hostile record cannot
// retitle, clear or recolour the terminal; the CLI's own styling (bold search hits, the progress
// line) is written as marks that become escape sequences only after that.
import { terminalSafe } from '@shared/text/controls';
import type { CliIo } from './errors';

/** Marks (private-use characters) for the few escape sequences the CLI itself writes. */
export const STYLE = {
  bold: '\uE000',
  plain: '\uE001',
  /** Back to the start of the line and clear it: the progress line rewrites itself. */
  clearLine: '\uE002',
} as const;

const SEQUENCES: Record<string, string> = {
  [STYLE.bold]: '\x1b[1m',
  [STYLE.plain]: '\x1b[22m',
  [STYLE.clearLine]: '\r\x1b[2K',
};

/** Text as it may reach a terminal: controls made visible, then the CLI's own marks applied. */
export function forTerminal(text: string): string {
  return terminalSafe(text).replace(/[\uE000-\uE002]/g, (mark) => SEQUENCES[mark]!);
}

/**
 * The CLI's output with every write made safe. `file` is a file's content sent to stdout
 * (`export` without --out): byte for byte when stdout is a pipe or a file, made safe when it is
 * a terminal.
 */
export function terminalIo(io: CliIo): CliIo & { file(text: string): void } {
  return {
    ...io,
    stdout: (text) => io.stdout(forTerminal(text)),
    stderr: (text) => io.stderr(forTerminal(text)),
    file: (text) => io.stdout(io.stdoutIsTTY ? terminalSafe(text) : text),
  };
}
