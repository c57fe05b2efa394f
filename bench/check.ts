// `npm run bench [-- --sizes 1000,10000 --seed 1 --runs 1 --cache /tmp/lac-bench --missing-people 0]`
// --missing-people N: a stress case, N seat holders left out of people.yaml (unknown assignees).
// --malformed N: N lines of people.yaml of another shape (a `!!str` tag) that only `yaml` reads.
// Generates (or reuses) synthetic orgs and measures `lac check` on each: the whole command from
// outside (time and peak memory), beside the floor (reading and parsing the same files) and a
// breakdown of where the time goes.
import { parseArgs } from 'node:util';
import { measureNode } from './measure.ts';
import { benchOrg } from './orgs.ts';
import { formatTable, type Row } from './table.ts';

const TODAY = '2026-11-23';
// The command as users run it: bin/lac.js runs the compiled dist/ (built here first when src/ is newer).
const CLI = new URL('../bin/lac.js', import.meta.url).pathname;
const PHASES = new URL('./phases.ts', import.meta.url).pathname;

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '1' },
    cache: { type: 'string', default: '/tmp/lac-bench' },
    'missing-people': { type: 'string', default: '0' },
    malformed: { type: 'string', default: '0' },
  },
});
const sizes = values.sizes.split(',').map((s) => Number(s.replace(/_/g, '')));
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes takes people counts such as 1000,10000; not ${values.sizes}`);
const runs = Math.max(1, Number(values.runs));

// Untimed: builds dist/ if it is older than src/, so that no run measures the build.
await measureNode([CLI, '--version']);

/** The floor of a run, wall and CPU seconds: read + parse of the same files (bench/phases.ts). */
const floorOf = (p: Record<string, number>) => ({ wall: (p.read! + p.parse!) / 1000, cpu: p.floorCpu! / 1000 });

const rows: Row[] = [];
for (const people of sizes) {
  const t0 = performance.now();
  const org = await benchOrg(values.cache, people, Number(values.seed), Number(values['missing-people']), Number(values.malformed));
  process.stderr.write(`${people} people: ${org.cached ? 'cached' : `generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`} at ${org.root}\n`);
  let best: Row | undefined;
  for (let r = 0; r < runs; r++) {
    const whole = await measureNode([CLI, 'check', '--root', org.root, '--format', 'json', '--today', TODAY]);
    if (whole.code !== 0 && whole.code !== 1) throw new Error(`lac check exited with ${whole.code}`);
    const summary = (JSON.parse(whole.stdout) as { summary: Record<string, number> }).summary;
    const phases = JSON.parse((await measureNode([PHASES, org.root, TODAY])).stdout) as Record<string, number>;
    const row: Row = { org: org.stats, check: whole, phases, findings: summary };
    if (!best || row.check.seconds < best.check.seconds) best = row;
  }
  rows.push(best!);
  const p = best!.phases;
  const floor = floorOf(p);
  process.stderr.write(`  check ${best!.check.seconds.toFixed(2)} s (CPU ${best!.check.cpuSeconds.toFixed(2)} s), ${Math.round(best!.check.maxRssMb)} MB; floor ${floor.wall.toFixed(2)} s (CPU ${floor.cpu.toFixed(2)} s); check / floor ${(best!.check.seconds / floor.wall).toFixed(2)}x wall, ${(best!.check.cpuSeconds / floor.cpu).toFixed(2)}x CPU; files read whole by yaml: ${p.yamlFiles ?? '?'}, runs of lines by yaml: ${p.yamlRuns ?? '?'}\n`);
}
process.stdout.write(formatTable(rows));
// One line per size for the runner's summary table (bench/index.ts).
for (const r of rows) {
  const { wall: floor, cpu: floorCpu } = floorOf(r.phases);
  process.stdout.write(`summary: \`lac check\`, ${r.org.people.toLocaleString('en')} people | ${r.check.seconds.toFixed(2)} s (CPU ${r.check.cpuSeconds.toFixed(2)} s), ${Math.round(r.check.maxRssMb)} MB | ${floor.toFixed(2)} s (CPU ${floorCpu.toFixed(2)} s), read + parse | ${(r.check.seconds / floor).toFixed(2)}x wall, ${(r.check.cpuSeconds / floorCpu).toFixed(2)}x CPU | <= 2x the floor\n`);
}
