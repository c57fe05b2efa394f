// `node bench/people.ts [--size 100000] [--dir /tmp/lac-bench-people]`: `lac people pull` on a
// people.yaml of N people against an HR export (BambooHR preset) with 1% title changes, 0.4%
// leavers and 500 joiners. The first run links every directory ID (every line changes); the
// second finds nothing to change, the daily case.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { measureNode } from './measure.ts';

const { values } = parseArgs({ options: { size: { type: 'string', default: '100000' }, dir: { type: 'string', default: '/tmp/lac-bench-people' } } });
const n = Number(values.size);
const dir = values.dir;
mkdirSync(join(dir, 'inventory'), { recursive: true });
mkdirSync(join(dir, 'hr'), { recursive: true });
const people = ['people:'];
const csv = ['Employee ID,First name,Last name,Work Email,Department,Job title,Supervisor ID,Hire date,Termination date,Status'];
for (let i = 0; i < n; i++) {
  const id = `p${String(i).padStart(6, '0')}`;
  people.push(`  - { id: ${id}, name: Person ${i}, email: ${id}@ex.example, department: eng, title: Engineer, status: active, start: 2020-01-01 }`);
  const end = i % 250 === 0 ? '2026-03-01' : '';
  csv.push(`${i},Person,${i},${id}@ex.example,Engineering,${i % 100 === 0 ? 'Senior Engineer' : 'Engineer'},,2020-01-01,${end},${end ? 'Inactive' : 'Active'}`);
}
for (let i = 0; i < 500; i++) csv.push(`N${i},New,${i},new${i}@ex.example,Engineering,Engineer,,2026-04-01,,Active`);
writeFileSync(join(dir, 'inventory/people.yaml'), `${people.join('\n')}\n`);
writeFileSync(join(dir, 'hr/employees.csv'), `${csv.join('\n')}\n`);
writeFileSync(join(dir, 'inventory/org.yaml'), 'name: Bench\ncurrency: EUR\ntimezone: UTC\ndepartments:\n  - { id: eng, name: Engineering, cost_centre: CC-1 }\ndirectory:\n  source: hr-csv\n  config: { path: hr/employees.csv, preset: bamboohr }\n');
const cli = new URL('../src/cli/main.ts', import.meta.url).pathname;
for (const run of ['first pull (every line changes)', 'second pull (nothing changes)']) {
  const m = await measureNode([cli, 'people', 'pull', '--root', dir, '--today', '2026-03-10']);
  console.log(`${n} people, ${run}: ${m.seconds.toFixed(2)} s, ${m.cpuSeconds.toFixed(2)} s CPU, ${Math.round(m.maxRssMb)} MB peak; exit ${m.code}`);
}
