// `npm run bench -- startup [--runs 30]`: how long `lac --version` takes to start, beside its floor
// (`node -e 0`, Node's own start) measured in the same rounds: each round runs every case once, in
// a rotating order, so that a change in the machine's load touches them alike. The goal of issue 16
// is < 0.2 s for the shipped package; its figure is the median.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { median } from './measure.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({ options: { runs: { type: 'string', default: '30' }, warmup: { type: 'string', default: '3' } } });
const runs = Math.max(1, Number(values.runs));

/** One run of `node args...`: wall, user and system seconds, from bash's `time` (millisecond figures of the child alone). */
function timed(args: string[], cwd: string): { wall: number; cpu: number } {
  const r = spawnSync('bash', ['-c', 'TIMEFORMAT="%3R %3U %3S"; time "$@" > /dev/null', 'bash', process.execPath, ...args], { cwd, encoding: 'utf8' });
  const last = r.stderr.trim().split('\n').at(-1) ?? '';
  const m = /^([\d.]+) ([\d.]+) ([\d.]+)$/.exec(last);
  if (r.status !== 0 || !m) throw new Error(`node ${args.join(' ')} failed (exit ${r.status}):\n${r.stderr}`);
  return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]) };
}

/**
 * The package as npm installs it: bin/, dist/ and package.json, its dependencies beside it, and
 * neither src/ nor .git (so bin/lac.js checks no build and --version asks git for no commit).
 */
function installedCopy(): string {
  // In the checkout, bin/lac.js rebuilds dist/ first when src/ is newer: copy a current build.
  spawnSync(process.execPath, [join(ROOT, 'bin/lac.js'), '--version'], { stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), 'lac-bench-startup-'));
  for (const part of ['bin', 'dist', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(dir, 'node_modules'));
  return dir;
}

const pkg = installedCopy();
const cases = [
  { name: 'floor: node -e 0', args: ['-e', '0'], cwd: pkg },
  { name: 'lac --version (installed package)', args: [join(pkg, 'bin/lac.js'), '--version'], cwd: pkg },
  { name: 'lac --help (installed package)', args: [join(pkg, 'bin/lac.js'), '--help'], cwd: pkg },
  { name: 'lac --version (checkout: build check, git commit)', args: [join(ROOT, 'bin/lac.js'), '--version'], cwd: ROOT },
];
const load = loadavg()[0]!;
try {
  for (let w = 0; w < Number(values.warmup); w++) for (const c of cases) timed(c.args, c.cwd);
  const samples = cases.map(() => ({ wall: [] as number[], cpu: [] as number[] }));
  for (let r = 0; r < runs; r++) {
    for (let k = 0; k < cases.length; k++) {
      const i = (r + k) % cases.length;
      const t = timed(cases[i]!.args, cases[i]!.cwd);
      samples[i]!.wall.push(t.wall);
      samples[i]!.cpu.push(t.cpu);
    }
  }
  const floor = { wall: median(samples[0]!.wall), cpu: median(samples[0]!.cpu) };
  const lines = [
    `start-up, ${runs} rounds (median), Node ${process.versions.node}, load average ${load.toFixed(2)} before / ${loadavg()[0]!.toFixed(2)} after`,
    '',
    '| case | wall s | CPU s | floor wall s | floor CPU s | wall ratio | CPU ratio |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...cases.slice(1).map((c, k) => {
      const wall = median(samples[k + 1]!.wall);
      const cpu = median(samples[k + 1]!.cpu);
      return `| ${c.name} | ${wall.toFixed(3)} | ${cpu.toFixed(3)} | ${floor.wall.toFixed(3)} | ${floor.cpu.toFixed(3)} | ${(wall / floor.wall).toFixed(1)}x | ${(cpu / floor.cpu).toFixed(1)}x |`;
    }),
    '',
    `goal: lac --version (installed package) < 0.2 s: ${median(samples[1]!.wall) < 0.2 ? 'met' : 'NOT met'} (wall; CPU ${median(samples[1]!.cpu).toFixed(3)} s, which the machine's load touches less)`,
    '',
    `summary: start-up, \`lac --version\`, installed package | ${median(samples[1]!.wall).toFixed(3)} s (CPU ${median(samples[1]!.cpu).toFixed(3)} s) | ${floor.wall.toFixed(3)} s, \`node -e 0\` | ${(median(samples[1]!.wall) / floor.wall).toFixed(1)}x | < 0.2 s`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  rmSync(pkg, { recursive: true, force: true });
}
