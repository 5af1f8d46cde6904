// Entry point of the `marginalia` command (bin/marginalia.mjs runs the built copy).
import { runCli } from './run';
import { serveCommand } from './serve';

const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
};

process.exitCode = await runCli(process.argv.slice(2), io, serveCommand);
