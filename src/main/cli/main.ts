// Entry point of the `marginalia` command (bin/marginalia.mjs runs the built copy). `serve`
// brings the whole app with it, so it is imported only when asked for.
import { runCli, type ServeCommand } from './run';

const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
  stdoutIsTTY: process.stdout.isTTY === true,
};

const serve: ServeCommand = async (args, cliIo) =>
  (await import('./serve')).serveCommand(args, cliIo);

// `marginalia list | head -1`: the reader has gone, so stop quietly, as Unix tools do, rather
// than die with an EPIPE stack.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await runCli(process.argv.slice(2), io, serve);
