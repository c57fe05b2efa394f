import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Wall time and peak memory of a whole child process, measured from outside it. */
export interface Measured {
  seconds: number;
  maxRssMb: number;
  /** User + system CPU seconds: steadier than wall time on a shared machine. */
  cpuSeconds: number;
  stdout: string;
  /** The child's own stderr (without GNU time's report lines, which follow it). */
  stderr: string;
  code: number;
}

const GNU_TIME = '/usr/bin/time';
const RUNNER = new URL('./rusage-runner.ts', import.meta.url).pathname;

/** Runs `node args...`: under GNU time -v when present, else under a small runner reading resourceUsage. */
export function measureNode(args: string[], env?: Record<string, string>): Promise<Measured> {
  return measureCommand(process.execPath, args, undefined, env);
}

/** Runs any program under GNU time -v (a program other than node needs it: the runner only wraps node); `env` adds to this process's environment. */
export function measureCommand(program: string, args: string[], cwd?: string, env?: Record<string, string>): Promise<Measured> {
  const useTime = existsSync(GNU_TIME);
  if (!useTime && program !== process.execPath) return Promise.reject(new Error(`measuring ${program} needs GNU time (${GNU_TIME})`));
  const [cmd, argv] = useTime ? [GNU_TIME, ['-v', program, ...args]] : [process.execPath, [RUNNER, ...args]];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], ...(cwd ? { cwd } : {}), ...(env ? { env: { ...process.env, ...env } } : {}) });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = (performance.now() - started) / 1000;
      const stderr = Buffer.concat(err).toString();
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr) ?? /^lac-bench-rss-kb: (\d+)$/m.exec(stderr);
      const elapsed = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(stderr);
      const user = /User time \(seconds\): ([\d.]+)/.exec(stderr) ?? /^lac-bench-user-us: (\d+)$/m.exec(stderr);
      const system = /System time \(seconds\): ([\d.]+)/.exec(stderr) ?? /^lac-bench-system-us: (\d+)$/m.exec(stderr);
      const scale = useTime ? 1 : 1e-6;
      const cpuSeconds = (Number(user?.[1] ?? NaN) + Number(system?.[1] ?? NaN)) * scale;
      const seconds = elapsed ? Number(elapsed[1] ?? 0) * 3600 + Number(elapsed[2]) * 60 + Number(elapsed[3]) : wall;
      if (!rss) return reject(new Error(`no memory figure from the child (exit ${code}):\n${stderr.slice(-2000)}`));
      resolve({ seconds, maxRssMb: Number(rss[1]) / 1024, cpuSeconds, stdout: Buffer.concat(out).toString(), stderr, code: code ?? -1 });
    });
  });
}

/** The middle value (the mean of the two middle ones for an even count). */
export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
