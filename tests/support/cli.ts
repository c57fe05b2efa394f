// Runs the CLI in-process with captured output, or as a real child process.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from '../../src/cli/program.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const REPO_ROOT = join(import.meta.dirname, '..', '..');
/** The shipped entry point: it runs the compiled code in dist/ (built by `npm test`'s pretest). */
export const CLI = join(REPO_ROOT, 'bin', 'lac.js');

/** Runs `lac ...args` in this process. */
export async function lac(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { out: (t) => void (stdout += t), err: (t) => void (stderr += t), env: options.env ?? {}, cwd: options.cwd ?? process.cwd(), isTTY: false });
  return { code, stdout, stderr };
}

/** Runs `lac ...args` as a real process of the compiled CLI (bin/lac.js), as a user would. */
export function lacProcess(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? REPO_ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env }, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Writes files into a fresh temporary folder; returns it. Remove it with `rmSync` or `cleanup`. */
export function tempRepo(fileMap: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lac-test-'));
  for (const [path, content] of Object.entries(fileMap)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

export const cleanup = (dir: string) => rmSync(dir, { recursive: true, force: true });
