// Runs a workflow file as a GitHub runner would: every job in `needs` order, every step in order,
// `run:` steps in bash with the environment GitHub gives (GITHUB_EVENT_PATH, GITHUB_STEP_SUMMARY,
// GITHUB_OUTPUT, GITHUB_ENV, RUNNER_TEMP, ...), `if:` conditions and step outputs evaluated, and
// the actions a workflow `uses:` stood in for by what they do (checkout: a clone with the history
// depth the step asks for). With `lac: 'installed'` the workflow's own install step runs (`npm ci
// --omit=dev` in a repository made by `lac init`) and `npx lac` is whatever it installed; with
// `lac: 'checkout'` (this package's own workflow files) their `npm ci` is skipped and `npx lac` runs
// this checkout's bin/lac.js.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CLI } from './cli.ts';
import { NPM_OFFLINE } from './packed.ts';

export interface StepResult {
  name: string;
  /** The action a `uses:` step stood in for. */
  uses?: string;
  code: number;
  stdout: string;
  stderr: string;
  skipped?: boolean;
}

export interface WorkflowRun {
  jobs: Record<string, { ok: boolean; steps: StepResult[] }>;
  summary: string;
  /** Folders handed to actions/upload-pages-artifact. */
  pagesArtifacts: string[];
}

export interface RunWorkflowOptions {
  /** Path of the workflow file. */
  file: string;
  /** GITHUB_WORKSPACE. With `checkout`, the checkout stand-in clones into it. */
  workspace: string;
  /** Where actions/checkout clones from (a bare repository) and which ref it checks out. */
  checkout?: { remote: string; ref: string };
  /** Environment variables GitHub sets (GITHUB_API_URL, GITHUB_REPOSITORY, GITHUB_TOKEN, ...). */
  env: Record<string, string>;
  /** Values of expressions: `github.token`, `github.base_ref`, `secrets.X`, `github.repository`, ... */
  context: Record<string, string>;
  /** The event payload (GITHUB_EVENT_PATH). */
  event?: unknown;
  lac: 'installed' | 'checkout';
  /** Per-step time limit (ms). */
  stepTimeout?: number;
  /** Only these jobs (job-level `if:` is not evaluated: pick the jobs the event would run). */
  jobs?: string[];
}

type Step = { id?: string; name?: string; run?: string; uses?: string; if?: string; env?: Record<string, unknown>; with?: Record<string, unknown> };
type Job = { needs?: string | string[]; steps: Step[] };

/** `${{ expr }}` → its value (unknown expressions, such as unset secrets, are empty, as on GitHub). */
function interpolate(text: string, values: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => operand(expr.trim(), values));
}

const operand = (term: string, values: Record<string, string>): string => (/^'.*'$/.test(term) ? term.slice(1, -1) : (values[term] ?? ''));

/** The `if:` conditions our workflows use: always(), success(), failure(), `a == b`, joined by &&. */
function condition(expr: string | undefined, failed: boolean, values: Record<string, string>): boolean {
  if (!expr) return !failed;
  const terms = expr.replace(/^\$\{\{|\}\}$/g, '').split('&&').map((t) => t.trim());
  const hasStatus = terms.some((t) => /^(always|success|failure)\(\)$/.test(t));
  return (hasStatus || !failed) && terms.every((t) => {
    if (t === 'always()') return true;
    if (t === 'success()') return !failed;
    if (t === 'failure()') return failed;
    const eq = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(t);
    if (eq) return (operand(eq[1]!, values) === operand(eq[3]!, values)) === (eq[2] === '==');
    throw new Error(`actions-runner: unsupported condition ${t}`);
  });
}

/** Jobs in an order that respects `needs`. */
function jobOrder(jobs: Record<string, Job>): string[] {
  const done: string[] = [];
  const visit = (id: string) => {
    if (done.includes(id)) return;
    for (const n of [jobs[id]!.needs ?? []].flat()) visit(n);
    done.push(id);
  };
  Object.keys(jobs).forEach(visit);
  return done;
}

/** Runs the workflow; never throws for a failing step (the result says which failed). */
export async function runWorkflowFile(o: RunWorkflowOptions): Promise<WorkflowRun> {
  const workflow = parse(readFileSync(o.file, 'utf8')) as { jobs: Record<string, Job> };
  const temp = mkdtempSync(join(tmpdir(), 'lac-runner-'));
  const summary = join(temp, 'step-summary.md');
  writeFileSync(summary, '');
  const eventPath = join(temp, 'event.json');
  writeFileSync(eventPath, JSON.stringify(o.event ?? {}));
  let path = process.env.PATH ?? '';
  if (o.lac === 'checkout') {
    const shim = join(temp, 'bin');
    mkdirSync(shim);
    writeFileSync(join(shim, 'npx'), `#!/bin/sh\nif [ "$1" = lac ]; then shift; exec "${process.execPath}" "${CLI}" "$@"; fi\necho "npx $1 is not available in tests" >&2; exit 127\n`);
    chmodSync(join(shim, 'npx'), 0o755);
    path = `${shim}:${path}`;
  }
  const base: Record<string, string> = {
    // The Node of setup-node (24) first on PATH, as on a runner after that step.
    PATH: `${join(process.execPath, '..')}:${path}`,
    HOME: process.env.HOME ?? temp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_EVENT_PATH: eventPath,
    RUNNER_TEMP: temp,
    ...NPM_OFFLINE,
    // Fast retries against the fake.
    LAC_GITHUB_WAIT_UNIT_MS: '1',
    LAC_GITHUB_WRITE_GAP_MS: '0',
    ...o.env,
  };
  const run: WorkflowRun = { jobs: {}, summary: '', pagesArtifacts: [] };
  try {
    await runJobs(workflow, o, run, base, temp);
    run.summary = readFileSync(summary, 'utf8');
    return run;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

async function runJobs(workflow: { jobs: Record<string, Job> }, o: RunWorkflowOptions, run: WorkflowRun, base: Record<string, string>, temp: string): Promise<void> {
  for (const jobId of jobOrder(workflow.jobs).filter((id) => !o.jobs || o.jobs.includes(id))) {
    const values = { ...o.context };
    const jobEnv: Record<string, string> = {};
    const steps: StepResult[] = [];
    let failed = false;
    for (const [i, step] of workflow.jobs[jobId]!.steps.entries()) {
      const name = step.name ?? step.run?.split('\n')[0] ?? step.uses ?? `step ${i + 1}`;
      if (!condition(step.if, failed, values)) {
        steps.push({ name, code: 0, stdout: '', stderr: '', skipped: true });
        continue;
      }
      const env = { ...base, ...jobEnv, ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, interpolate(String(v), values)])) };
      const output = join(temp, `output-${jobId}-${i}`);
      const envFile = join(temp, `env-${jobId}-${i}`);
      writeFileSync(output, '');
      writeFileSync(envFile, '');
      let r: Omit<StepResult, 'name'>;
      if (step.uses) r = standIn(step, o, run, output, values);
      else if (o.lac === 'checkout' && step.run!.trim() === 'npm ci') r = { code: 0, stdout: '', stderr: '', skipped: true };
      // GitHub expands expressions in a script before the shell sees it: so does this runner.
      else r = await bash(interpolate(step.run!, values), o.workspace, { ...env, GITHUB_OUTPUT: output, GITHUB_ENV: envFile }, o.stepTimeout ?? 300_000);
      steps.push({ name, ...(step.uses ? { uses: step.uses } : {}), ...r });
      if (r.code !== 0) failed = true;
      for (const [k, v] of keyValues(readFileSync(output, 'utf8'))) if (step.id) values[`steps.${step.id}.outputs.${k}`] = v;
      for (const [k, v] of keyValues(readFileSync(envFile, 'utf8'))) jobEnv[k] = v;
    }
    run.jobs[jobId] = { ok: !failed, steps };
  }
}

/** `name=value` lines of GITHUB_OUTPUT / GITHUB_ENV. */
const keyValues = (text: string): [string, string][] =>
  text.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]);

/** What each action our workflows use does, as far as the test can see it. */
function standIn(step: Step, o: RunWorkflowOptions, run: WorkflowRun, output: string, values: Record<string, string>): Omit<StepResult, 'name'> {
  const action = step.uses!.split('@')[0];
  const ok = (stdout = '') => ({ code: 0, stdout, stderr: '' });
  switch (action) {
    case 'actions/checkout': {
      if (!o.checkout) return ok('workspace given');
      const depth = Number(step.with?.['fetch-depth'] ?? 1);
      const args = ['clone', '-q', ...(depth > 0 ? ['--depth', String(depth), '--no-single-branch'] : []), '--branch', o.checkout.ref, `file://${o.checkout.remote}`, o.workspace];
      execFileSync('git', args, { stdio: 'pipe' });
      return ok(`cloned ${o.checkout.ref} (depth ${depth || 'all'})`);
    }
    case 'actions/cache':
      // Each test run is a first run: nothing to restore, as on a repository's first workflow run.
      return ok(`cache not found for input keys: ${String(step.with?.key ?? '')}`);
    case 'actions/setup-node': {
      const wanted = String(step.with?.['node-version'] ?? '');
      const have = process.versions.node.split('.')[0];
      return wanted === have ? ok(`node ${process.version}`) : { code: 1, stdout: '', stderr: `setup-node: the test runs Node ${have}, the workflow wants ${wanted}` };
    }
    case 'actions/configure-pages': {
      const repo = values['github.repository']?.split('/')[1] ?? 'licenses';
      writeFileSync(output, `base_path=/${repo}\nbase_url=https://example.github.io/${repo}\n`);
      return ok();
    }
    case 'actions/upload-pages-artifact': {
      const dir = join(o.workspace, String(step.with?.path ?? '_site'));
      if (!existsSync(join(dir, 'index.html'))) return { code: 1, stdout: '', stderr: `upload-pages-artifact: no index.html in ${dir}` };
      run.pagesArtifacts.push(dir);
      return ok();
    }
    case 'actions/deploy-pages':
      return run.pagesArtifacts.length > 0 ? ok('deployed') : { code: 1, stdout: '', stderr: 'deploy-pages: no artifact was uploaded' };
    default:
      return { code: 1, stdout: '', stderr: `actions-runner: no stand-in for ${step.uses}` };
  }
}

function bash(script: string, cwd: string, env: Record<string, string>, timeout: number): Promise<Omit<StepResult, 'name'>> {
  return new Promise((resolve, reject) => {
    // GitHub runs `run:` with `bash -e {0}` (and -o pipefail when `shell: bash` is explicit).
    const child = spawn('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', script], { cwd, env });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}
