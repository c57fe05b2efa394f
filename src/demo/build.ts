// Builds the demo license repository: the example organization of inventory/ with about 18
// months of history behind it (people joining and leaving, seats, renewals, a reclaim, weekly usage
// snapshots), as a real git repository with a bare `origin` next to it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planDemo, type Plan } from './plan.ts';
import { writeRepository } from './repo.ts';

/** The project folder (where inventory/ and schemas/ of the example live). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The example's "today" and the first day of the demo's history (18 months earlier, a Monday). */
export const DEMO_TODAY = '2026-11-23';
export const DEMO_START = '2025-05-19';

export interface DemoOptions {
  /** Folder of the repository to create (replaced when it exists); the bare remote is `<dir>.git`. */
  dir: string;
  /** The example inventory to end with (default: the project's inventory/). */
  inventoryDir?: string;
  /** JSON Schemas copied into the repository (default: the project's schemas/). */
  schemasDir?: string;
}

export interface DemoResult {
  dir: string;
  remote: string;
  commits: number;
  pullRequests: number;
  from: string;
  to: string;
  ms: number;
  /** One line on what the history holds. */
  summary: string;
}

function readTree(dir: string, under = dir, out = new Map<string, string>()): Map<string, string> {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) readTree(full, under, out);
    else if (entry.isFile()) out.set(relative(under, full).split('\\').join('/'), readFileSync(full, 'utf8'));
  }
  return out;
}

const README = `# Northwind Instruments: licenses

Software licenses, contracts, people and seat assignments of Northwind Instruments GmbH, kept
as YAML and changed only by reviewed pull requests. Checked and reported by
[lac](https://github.com/northwind/lac): run \`npx lac check\`, \`npx lac report\`,
\`npx lac renewals\` and \`npx lac history\` in this folder.

- \`inventory/\`: org settings, people, vendors, licenses, contracts, seats and usage snapshots
- \`schemas/\`: JSON Schemas of the files (editors validate as you type)

This is a demo repository with invented data, written by \`npm run demo\` of lac.
`;

const GITIGNORE = '_site/\n.lac-cache/\n';

/** Plans the demo's history from the example files without writing anything. */
export function demoPlan(options: Omit<DemoOptions, 'dir'> = {}): Plan {
  const inventory = readTree(options.inventoryDir ?? join(PROJECT_ROOT, 'inventory'));
  const extra = new Map<string, string>([['README.md', README], ['.gitignore', GITIGNORE]]);
  for (const [path, text] of readTree(options.schemasDir ?? join(PROJECT_ROOT, 'schemas'))) extra.set(`schemas/${path}`, text);
  return planDemo(inventory, extra, { from: DEMO_START, to: DEMO_TODAY });
}

/** What the planned history holds, in one line. */
export function summarize(plan: Plan): string {
  const lines = plan.steps.flatMap((s) => s.body.split('\n'));
  const count = (prefix: string) => lines.filter((l) => l.startsWith(prefix)).length;
  const usage = plan.steps.filter((s) => s.branch === 'lac/usage').length;
  const renewals = plan.steps.filter((s) => /-renewal-\d{4}$/.test(s.branch ?? '')).length;
  const created = plan.steps.filter((s) => s.title.endsWith(': new contract')).length;
  const reclaims = plan.steps.filter((s) => s.branch?.startsWith('lac/reclaim/')).map((s) => `${s.title.replace(/^Reclaim/, 'a reclaim of')} (#${s.pr})`);
  return [
    `${usage} weekly usage snapshots`,
    `${count('- joins:')} joiners, ${count('- leaves:')} leavers`,
    `${renewals} contract renewals and ${created} new contracts`,
    ...reclaims,
  ].join(', ');
}

/** Builds the demo repository (deterministic: the same example gives the same commit ids). */
export function buildDemoRepository(options: DemoOptions): DemoResult {
  const t0 = performance.now();
  const plan = demoPlan(options);
  const dir = resolve(options.dir);
  const r = writeRepository(plan, dir);
  return { dir, remote: `${dir}.git`, commits: r.commits, pullRequests: r.pullRequests, from: plan.window.from, to: plan.window.to, ms: Math.round(performance.now() - t0), summary: summarize(plan) };
}
