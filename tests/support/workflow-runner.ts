// Runs the `run:` steps of one of our workflow files with bash, as a GitHub runner would: the
// environment variables GitHub sets, the step's own `env:` with its expressions evaluated, and
// `npx lac` resolved to this checkout's CLI.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CLI, REPO_ROOT } from './cli.ts';

export interface StepRun {
  name: string;
  code: number;
  stdout: string;
  stderr: string;
}

export interface WorkflowContext {
  /** The repository checkout the steps run in. */
  workspace: string;
  /** GitHub's own variables (GITHUB_API_URL, GITHUB_REPOSITORY, GITHUB_TOKEN...) from the fake. */
  env: Record<string, string>;
  /** Values for `${{ ... }}` expressions, e.g. { 'github.base_ref': 'main' }. */
  expressions: Record<string, string>;
  /** The event payload written to GITHUB_EVENT_PATH. */
  event?: unknown;
}

type Step = { name?: string; run?: string; uses?: string; env?: Record<string, string> };

/** `${{ x }}` → its value from the context; unknown expressions (secrets) become empty, as on GitHub. */
const evaluate = (text: string, values: Record<string, string>) => text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => values[expr] ?? '');

/** Runs every `run:` step of the first job of a workflow except `npm ci` (the test already has dependencies). */
export async function runWorkflow(file: string, ctx: WorkflowContext): Promise<{ steps: StepRun[]; summary: string }> {
  const workflow = parse(readFileSync(join(REPO_ROOT, '.github/workflows', file), 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
  const job = Object.values(workflow.jobs)[0]!;
  const temp = mkdtempSync(join(tmpdir(), 'lac-runner-'));
  const shim = join(temp, 'bin');
  mkdirSync(shim, { recursive: true });
  // `npx lac ...` runs this checkout's CLI with the Node that runs the tests.
  writeFileSync(join(shim, 'npx'), `#!/bin/sh\nif [ "$1" = lac ]; then shift; exec "${process.execPath}" "${CLI}" "$@"; fi\necho "npx $1 is not available in tests" >&2; exit 127\n`);
  chmodSync(join(shim, 'npx'), 0o755);
  const summary = join(temp, 'step-summary.md');
  writeFileSync(summary, '');
  const eventPath = join(temp, 'event.json');
  writeFileSync(eventPath, JSON.stringify(ctx.event ?? {}));
  const base = {
    PATH: `${shim}:${process.env.PATH ?? ''}`,
    HOME: process.env.HOME ?? temp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: ctx.workspace,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_EVENT_PATH: eventPath,
    RUNNER_TEMP: temp,
    // Fast retries against the fake.
    LAC_GITHUB_WAIT_UNIT_MS: '1',
    LAC_GITHUB_WRITE_GAP_MS: '0',
    ...ctx.env,
  };
  const steps: StepRun[] = [];
  for (const step of job.steps) {
    if (!step.run || step.run.trim() === 'npm ci') continue;
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluate(String(v), ctx.expressions)]));
    // Asynchronous: the fake GitHub server answering the step lives in this process.
    const r = await bash(step.run, ctx.workspace, { ...base, ...env });
    steps.push({ name: step.name ?? step.run.split('\n')[0]!, ...r });
  }
  return { steps, summary: readFileSync(summary, 'utf8') };
}

function bash(script: string, cwd: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-e', '-o', 'pipefail', '-c', script], { cwd, env });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}
