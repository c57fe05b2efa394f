// `npm run bench`: every command's benchmark (bench/<name>.ts), one after another, each printing its
// figure beside its floor measured in the same run.
//   npm run bench                         all of them
//   npm run bench -- startup              one (or several: startup check)
//   npm run bench -- --only startup,diff  the same
//   npm run bench -- check --sizes 1000   arguments after the name go to that one benchmark
// A benchmark whose file is not there yet is skipped with a line saying so. A benchmark's lines
// `summary: <what> | <measured> | <floor> | <ratio> | <goal>` are gathered into one table at the end.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { hostFigures, hostLine } from './host.ts';

/** The benchmarks of issue 16's table, cheapest first. */
export const BENCHMARKS = ['startup', 'check', 'diff', 'history', 'site'] as const;

const fileOf = (name: string) => new URL(`./${name}.ts`, import.meta.url).pathname;

/** The benchmarks to run and the arguments to pass on, from the runner's arguments. */
export function plan(argv: string[]): { names: string[]; rest: string[] } | string {
  const names: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--only' || a.startsWith('--only=')) {
      const list = a === '--only' ? argv[++i] : a.slice('--only='.length);
      if (!list) return '--only needs benchmark names, e.g. --only startup,check';
      names.push(...list.split(',').filter(Boolean));
    } else if (rest.length === 0 && /^[a-z][a-z-]*$/.test(a)) names.push(a);
    else rest.push(a);
  }
  const unknown = names.filter((n) => !(BENCHMARKS as readonly string[]).includes(n) && !existsSync(fileOf(n)));
  if (unknown.length) return `no benchmark ${unknown.join(', ')}: the benchmarks are ${BENCHMARKS.join(', ')}`;
  if (rest.length && names.length !== 1) return `arguments (${rest.join(' ')}) go to one benchmark: name it first, e.g. npm run bench -- check ${rest.join(' ')}`;
  return { names: names.length ? names : [...BENCHMARKS], rest };
}

/** The summary table: one row per `summary:` line, and a pending row for each benchmark that did not run. */
export function summaryTable(rows: string[], skipped: string[]): string {
  const lines = ['| command | measured | floor | ratio | goal |', '| --- | --- | --- | --- | --- |', ...rows.map((r) => `| ${r} |`), ...skipped.map((n) => `| ${n} | pending | | | |`)];
  return `${lines.join('\n')}\n`;
}

/** Runs one benchmark, its output passed through as it comes; resolves to its exit code and its summary rows. */
function runOne(name: string, rest: string[]): Promise<{ code: number | null; rows: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileOf(name), ...rest], { stdio: ['inherit', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (b: Buffer) => {
      process.stdout.write(b);
      text += b.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, rows: text.split('\n').filter((l) => l.startsWith('summary: ')).map((l) => l.slice('summary: '.length)) }));
  });
}

if (import.meta.main) {
  const p = plan(process.argv.slice(2));
  if (typeof p === 'string') {
    process.stderr.write(`bench: ${p}\n`);
    process.exit(2);
  }
  // The machine's own costs first: figures of two runs compare only beside them (host.ts).
  process.stdout.write(`${hostLine(hostFigures())}\n`);
  let failed = 0;
  const rows: string[] = [];
  const skipped: string[] = [];
  for (const name of p.names) {
    if (!existsSync(fileOf(name))) {
      process.stdout.write(`\n## ${name}: skipped, bench/${name}.ts is not there yet\n`);
      skipped.push(name);
      continue;
    }
    process.stdout.write(`\n## ${name} (load average ${loadavg()[0]!.toFixed(2)})\n\n`);
    const r = await runOne(name, p.rest);
    rows.push(...r.rows);
    if (r.code !== 0) {
      failed++;
      skipped.push(name);
      process.stdout.write(`${name}: failed (exit ${r.code})\n`);
    }
  }
  process.stdout.write(`\n## summary (load average ${loadavg()[0]!.toFixed(2)})\n\n${summaryTable(rows, skipped)}`);
  process.exitCode = failed ? 1 : 0;
}
