// Real processes for the sharing tests: the `marginalia sync-server` launcher, `redis-server`,
// CLI runs, and API calls to a `marginalia serve` instance, each started by the test itself.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { CLI, ROOT, type Server } from './fixtures';

export interface Process {
  url: string;
  process: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

function stopper(child: ChildProcess) {
  return (signal: NodeJS.Signals = 'SIGTERM') =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `marginalia sync-server` and waits for the address it prints. */
export async function startSyncServer(
  dataDir: string,
  options: { port?: number; redis?: string; name?: string } = {},
): Promise<Process> {
  const args = [CLI, 'sync-server', '--data-dir', dataDir, '--port', String(options.port ?? 0)];
  if (options.redis) args.push('--redis', options.redis);
  if (options.name) args.push('--name', options.name);
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((l) => l.startsWith('ws://'));
      if (line) resolve(line.trim());
    });
    child.once('exit', (code) => reject(new Error(`sync-server exited with ${code}: ${stderr}`)));
    setTimeout(() => reject(new Error(`sync-server printed no address: ${stderr}`)), 30_000);
  });
  return { url, process: child, stop: stopper(child) };
}

/** Starts Debian's redis-server on a free port, in memory only. */
export async function startRedis(): Promise<Process> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${out}`)));
    setTimeout(() => reject(new Error(`redis-server did not start: ${out}`)), 15_000);
  });
  return { url: `redis://127.0.0.1:${port}`, process: child, stop: stopper(child) };
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI to its end (or until `killAfterMs`, when it is killed with SIGKILL). */
export function cli(args: string[], options: { killAfterMs?: number } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer =
      options.killAfterMs === undefined
        ? undefined
        : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/**
 * Calls one API method on a running `marginalia serve`, as the page does. One connection per
 * call (no keep-alive), so the server can stop as soon as it is asked to.
 */
export function api<T = unknown>(server: Server, method: string, input: unknown): Promise<T> {
  const token = new URL(server.url).searchParams.get('token')!;
  const body = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${server.origin}/api/${encodeURIComponent(method)}`,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          const result = JSON.parse(text) as {
            ok: boolean;
            value?: T;
            error?: { message: string };
          };
          if (result.ok) resolve(result.value as T);
          else reject(new Error(`${method}: ${result.error?.message}`));
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** A comment as the editor saves it. */
export function comment(text: string): { json: string } {
  return {
    json: JSON.stringify({
      root: {
        type: 'root',
        version: 1,
        format: '',
        indent: 0,
        direction: 'ltr',
        children: [
          {
            type: 'paragraph',
            version: 1,
            format: '',
            indent: 0,
            direction: 'ltr',
            textFormat: 0,
            textStyle: '',
            children: [
              { type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' },
            ],
          },
        ],
      },
    }),
  };
}
