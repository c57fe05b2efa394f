// Times `history` over a 300-commit history, first run (cold parse cache) and second run (warm).
// Run: node tests/history/bench.ts [commits] [people]  (BUDGET=<bytes> sets the memory budget; ORDER=<runs,...> the runs)
import { history } from '../../src/history/history.ts';
import { attachApprovals } from '../../src/history/approvals.ts';
import { siteCommits, siteDiffs } from '../../src/site/model/commits.ts';
import { tempRepo } from '../support/git.ts';
import { ORG } from '../support/inventory.ts';

const COMMITS = Number(process.argv[2] ?? 300);
const PEOPLE = Number(process.argv[3] ?? 2000);
const LICENSES = 20;

const people = (leavers: Set<number>) => `people:\n${Array.from({ length: PEOPLE }, (_, i) => `  - { id: p${i}, name: Person ${i}, email: p${i}@test.example, department: eng, status: ${leavers.has(i) ? 'leaver' : 'active'} }\n`).join('')}`;
const seats = (l: number, holders: number[]) => `license: l${l}\nseats:\n${holders.map((p) => `  - { person: p${p}, tier: ${p % 3 === 0 ? 'viewer' : 'full'}, since: 2026-01-05 }\n`).join('')}`;
const license = (l: number) => `id: l${l}\nname: License ${l}\nvendor: v\ntype: subscription\ntiers:\n  - { id: full, name: Full }\n  - { id: viewer, name: Viewer }\n`;
const usage = (l: number, n: number) => `license: l${l}\nsource: csv\ntaken: 2026-02-01T06:00:00Z\naccounts:\n${Array.from({ length: n }, (_, i) => `  - { account: p${i}@test.example, person: p${i}, status: active, last_active: 2026-01-31 }\n`).join('')}`;

const repo = tempRepo();
try {
  const holders = Array.from({ length: LICENSES }, (_, l) => Array.from({ length: PEOPLE / 4 }, (_, i) => (i * 4 + l) % PEOPLE));
  const leavers = new Set<number>();
  const initial: Record<string, string> = { 'inventory/org.yaml': ORG, 'inventory/people.yaml': people(leavers), 'inventory/vendors/v.yaml': 'id: v\nname: Vendor\n' };
  for (let l = 0; l < LICENSES; l++) Object.assign(initial, { [`inventory/licenses/l${l}.yaml`]: license(l), [`inventory/assignments/l${l}.yaml`]: seats(l, holders[l]!) });
  let t = Date.parse('2026-01-02T09:00:00Z');
  const build = performance.now();
  repo.commit(initial, { message: 'Initial inventory', date: new Date(t).toISOString() });
  for (let c = 1; c < COMMITS; c++) {
    t += 3_600_000;
    const l = c % LICENSES;
    const change: Record<string, string> = {};
    if (c % 10 === 0) {
      leavers.add(c);
      change['inventory/people.yaml'] = people(leavers);
      change[`inventory/assignments/${'l' + l}.yaml`] = seats(l, holders[l]!.filter((p) => p !== c));
    } else if (c % 7 === 0) change[`inventory/usage/l${l}.yaml`] = usage(l, 100 + c);
    else {
      holders[l]!.push((c * 13) % PEOPLE);
      change[`inventory/assignments/l${l}.yaml`] = seats(l, holders[l]!);
    }
    if (c % 5 === 0) repo.squashPullRequest(c, change, { message: `Change ${c}`, date: new Date(t).toISOString() });
    else repo.commit(change, { message: `Change ${c}`, date: new Date(t).toISOString() });
  }
  console.log(`built ${COMMITS} commits (${PEOPLE} people, ${LICENSES} licenses, ${PEOPLE / 4} seats each) in ${((performance.now() - build) / 1000).toFixed(1)} s`);
  for (const run of (process.env.ORDER ?? 'first run (cold cache),second run (disk cache),no disk cache').split(',').filter(Boolean)) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const r = await history(repo.dir, { diskCache: run !== 'no disk cache', ...(process.env.BUDGET ? { memoryBudget: Number(process.env.BUDGET) } : {}) });
    const used = process.cpuUsage(cpu);
    console.log(`${run.padEnd(24)} ${(performance.now() - start).toFixed(0).padStart(6)} ms wall, ${((used.user + used.system) / 1000).toFixed(0).padStart(6)} ms CPU (this process)  ${r.events.length} events, ${r.stats.commits} commits, parsed ${r.stats.parsed}, read ${r.stats.read}`);
  }
  // Issue 15: review records from the cache (none here: every commit "not available") and the site's commit diffs.
  const r = await history(repo.dir, {});
  let start = performance.now();
  await attachApprovals(repo.dir, r.events, r.commits, { env: {}, repoUrl: null });
  console.log(`approvals (cache only)   ${(performance.now() - start).toFixed(0).padStart(6)} ms wall  ${r.commits.size} commits`);
  start = performance.now();
  const commits = await siteCommits(r.commits, siteDiffs(repo.dir, 'HEAD'));
  const lines = Object.values(commits).reduce((n, c) => n + (c.diff?.lines.length ?? 0), 0);
  console.log(`site commit diffs        ${(performance.now() - start).toFixed(0).padStart(6)} ms wall  ${lines} diff lines`);
} finally {
  repo.cleanup();
}
