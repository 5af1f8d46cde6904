// How the benchmarks take a figure on a shared machine: wall time with the process's own CPU time
// beside it and the machine's load while it ran (a wall figure taken while other work runs is
// slower than the code), medians with their spread over repeated runs, and a CPU profile of a
// phase summarised by function (the same data `node --cpu-prof` writes).
import { Session } from 'node:inspector/promises';
import os from 'node:os';

/** A timed phase: wall and CPU milliseconds, and the 1-minute load average at its end. */
export interface Timing {
  wallMs: number;
  cpuMs: number;
  load: number;
}

export async function timed<T>(work: () => T | Promise<T>): Promise<{ value: T } & Timing> {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const value = await work();
  const wallMs = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000, load: os.loadavg()[0]! };
}

/** "12.3 s wall, 4.5 s CPU, load 3.1 on 2 cores". */
export function describeTiming(t: Timing): string {
  const s = (ms: number): string =>
    ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
  return `${s(t.wallMs)} wall, ${s(t.cpuMs)} CPU, load ${t.load.toFixed(1)} on ${os.availableParallelism()} cores`;
}

/** The machine's load, for a benchmark's heading. */
export function machineLoad(): string {
  const [one, five] = os.loadavg();
  return `load ${one!.toFixed(1)} (1 min), ${five!.toFixed(1)} (5 min) on ${os.availableParallelism()} cores`;
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** The median of several runs' values and their spread: "4.1 ms (3.9–4.8, 5 runs)". */
export function medianSpread(values: readonly number[], unit = 'ms', digits = 2): string {
  const sorted = [...values].sort((a, b) => a - b);
  const f = (n: number): string => n.toFixed(digits);
  return `${f(percentile(sorted, 50))} ${unit} (${f(sorted[0]!)}–${f(sorted.at(-1)!)}, ${sorted.length} runs)`;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Runs `work` under V8's sampling profiler and returns the functions that took most of its
 * time by their own (self) time, with the share of each; "(program)" and "(garbage collector)"
 * are V8's own, and time inside SQLite counts to the JavaScript function that called it.
 */
export async function profiled<T>(
  work: () => T | Promise<T>,
  top = 8,
): Promise<{ value: T; lines: string[] }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  let stopped: { profile: Profile } | null = null;
  try {
    const value = await work();
    stopped = (await session.post('Profiler.stop')) as { profile: Profile };
    return { value, lines: summarise(stopped.profile, top) };
  } finally {
    if (!stopped) await session.post('Profiler.stop');
    session.disconnect();
  }
}

function summarise(profile: Profile, top: number): string[] {
  const byNode = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );
  const self = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const us = byNode.get(node.id) ?? 0;
    if (us === 0) continue;
    total += us;
    const { functionName, url } = node.callFrame;
    const file = url.split('/').slice(-2).join('/');
    const key = `${functionName || '(anonymous)'}${file ? ` (${file})` : ''}`;
    self.set(key, (self.get(key) ?? 0) + us);
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(
      ([name, us]) =>
        `${((us / total) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`,
    );
}
