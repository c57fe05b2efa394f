import { parse } from 'yaml';

/** One breach of the hardening rules GitHub's security guidance gives for workflows. */
export interface WorkflowProblem {
  rule: 'unpinned-action' | 'missing-permissions' | 'broad-permissions' | 'expression-in-run' | 'pull-request-target' | 'missing-concurrency' | 'missing-timeout' | 'persisted-credentials';
  message: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const SHA = /^[^@\s]+@[0-9a-f]{40}$/;
const DIGEST = /^docker:\/\/[^@\s]+@sha256:[0-9a-f]{64}$/;

/** A local action, an action or workflow at a full commit SHA, or an image by digest: nothing a tag move can change. */
const pinned = (uses: string) => uses.startsWith('./') || SHA.test(uses) || DIGEST.test(uses);

/** Whether a job (or the workflow) may write repository contents. */
function writesContents(perms: unknown): boolean {
  return perms === 'write-all' || (isObj(perms) && perms.contents === 'write');
}

/** Checks a workflow's text against the hardening rules; returns every breach. */
export function hardeningProblems(text: string): WorkflowProblem[] {
  const wf = parse(text) as Obj;
  const out: WorkflowProblem[] = [];
  const on = wf.on ?? wf[true as unknown as string];
  const events = typeof on === 'string' ? [on] : Array.isArray(on) ? on : isObj(on) ? Object.keys(on) : [];
  if (events.includes('pull_request_target')) out.push({ rule: 'pull-request-target', message: 'pull_request_target runs untrusted code with a write token; use pull_request' });
  if (!('permissions' in wf)) out.push({ rule: 'missing-permissions', message: 'no top-level permissions: the token gets the repository default (often write-all); set `permissions: {}`' });
  else if (!isObj(wf.permissions) || Object.keys(wf.permissions).length > 0) {
    out.push({ rule: 'broad-permissions', message: 'top-level permissions grant something to every job; set `permissions: {}` and grant each job what it needs' });
  }
  if (!isObj(wf.concurrency) && typeof wf.concurrency !== 'string') out.push({ rule: 'missing-concurrency', message: 'no concurrency group: two runs can race' });
  for (const [name, job] of Object.entries(isObj(wf.jobs) ? wf.jobs : {})) {
    if (!isObj(job)) continue;
    if (!('permissions' in job)) out.push({ rule: 'missing-permissions', message: `job ${name} has no permissions block` });
    else if (!isObj(job.permissions)) out.push({ rule: 'broad-permissions', message: `job ${name} has permissions: ${String(job.permissions)}; name each scope it needs` });
    if (typeof job.uses === 'string' && !pinned(job.uses)) out.push({ rule: 'unpinned-action', message: `job ${name} calls ${job.uses}: pin it to a full commit SHA` });
    // A job that calls a reusable workflow cannot set timeout-minutes; the called workflow's jobs do.
    if (!('timeout-minutes' in job) && !('uses' in job)) out.push({ rule: 'missing-timeout', message: `job ${name} has no timeout-minutes (the default is 6 hours)` });
    const steps = Array.isArray(job.steps) ? (job.steps as unknown[]) : [];
    steps.forEach((step, i) => {
      if (!isObj(step)) return;
      const label = `job ${name} step ${typeof step.name === 'string' ? `"${step.name}"` : i + 1}`;
      if (typeof step.uses === 'string' && !pinned(step.uses)) {
        out.push({ rule: 'unpinned-action', message: `${label} uses ${step.uses}: pin it to a full commit SHA (or an image to its sha256 digest)` });
      }
      if (typeof step.run === 'string' && step.run.includes('${{')) {
        out.push({ rule: 'expression-in-run', message: `${label} interpolates \${{ ... }} into a run script; pass it through env: instead` });
      }
      if (typeof step.uses === 'string' && step.uses.startsWith('actions/checkout@') && !writesContents(job.permissions)) {
        const withBlock = isObj(step.with) ? step.with : {};
        if (withBlock['persist-credentials'] !== false) out.push({ rule: 'persisted-credentials', message: `${label}: this job pushes nothing, so set persist-credentials: false` });
      }
    });
  }
  return out;
}
