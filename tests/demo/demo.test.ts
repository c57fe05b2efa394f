// The demo repository of `npm run demo`: a real git history of 18 months whose last commit holds
// the bundled example inventory byte for byte, with the events the site and `lac history` show.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoRepository, DEMO_TODAY, type DemoResult } from '../../src/demo/build.ts';
import { hasCommand, runDemo } from '../../src/demo/run.ts';
import { run } from '../../src/cli/program.ts';
import type { Usage } from '../../src/inventory/schema/index.ts';
import { serializeSnapshot } from '../../src/usage/snapshot/serialize.ts';
import { daysBetween } from '../../src/util/dates.ts';
import { lac, REPO_ROOT } from '../support/cli.ts';
import { demoSite } from '../support/demo-site.ts';

let root: string;
let demo: DemoResult;

const git = (args: string[], dir = demo.dir) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });

function filesUnder(dir: string, under = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name), under) : [relative(under, join(dir, e.name))]));
}

/** First-parent commits of main: sha, parents, author email, committer date (YYYY-MM-DD), subject. */
function commits(): { sha: string; parents: string[]; email: string; day: string; subject: string }[] {
  return git(['log', '--first-parent', '--format=%H%x1f%P%x1f%ae%x1f%cs%x1f%s', 'main']).trim().split('\n').map((l) => {
    const [sha, parents, email, day, subject] = l.split('\x1f');
    return { sha: sha!, parents: parents!.split(' ').filter(Boolean), email: email!, day: day!, subject: subject! };
  });
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'lac-demo-'));
  demo = buildDemoRepository({ dir: join(root, 'northwind-licenses') });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the demo repository', () => {
  it('holds the bundled inventory and schemas at HEAD, byte for byte, with a clean tree and origin/main', () => {
    for (const folder of ['inventory', 'schemas']) {
      const bundled = filesUnder(join(REPO_ROOT, folder)).sort();
      const tracked = git(['ls-tree', '-r', '--name-only', 'HEAD', `${folder}/`]).trim().split('\n').map((p) => p.slice(folder.length + 1)).sort();
      expect(tracked).toEqual(bundled);
      for (const path of bundled) {
        const atHead = execFileSync('git', ['show', `HEAD:${folder}/${path}`], { cwd: demo.dir });
        expect(atHead.equals(readFileSync(join(REPO_ROOT, folder, path))), `${folder}/${path}`).toBe(true);
      }
    }
    expect(git(['status', '--porcelain'])).toBe('');
    expect(git(['rev-parse', 'origin/main']).trim()).toBe(git(['rev-parse', 'HEAD']).trim());
    expect(git(['symbolic-ref', '--short', 'HEAD']).trim()).toBe('main');
  });

  it('has more than 70 weeks of history by several authors, merged pull requests and squash merges', () => {
    const log = commits();
    const first = log[log.length - 1]!;
    const last = log[0]!;
    expect(last.day).toBe(DEMO_TODAY);
    expect(daysBetween(first.day, last.day)).toBeGreaterThan(70 * 7);
    const weeks = new Set(log.map((c) => Math.floor(daysBetween('2025-01-06', c.day) / 7)));
    expect(weeks.size).toBeGreaterThan(70);
    const authors = new Set(git(['log', '--format=%ae', 'main']).trim().split('\n'));
    expect(authors.size).toBeGreaterThanOrEqual(6);
    for (const a of authors) expect(a).toMatch(/@(northwind\.example|example\.com)$/);
    const merges = log.filter((c) => /^Merge pull request #\d+ from northwind\/\S+$/.test(c.subject));
    expect(merges.length).toBeGreaterThan(40);
    for (const m of merges) expect(m.parents).toHaveLength(2);
    const squashes = log.filter((c) => /\(#\d+\)$/.test(c.subject));
    expect(squashes.length).toBeGreaterThan(70);
    for (const s of squashes) expect(s.parents).toHaveLength(1);
    const numbers = [...merges, ...squashes].map((c) => Number(/#(\d+)/.exec(c.subject)![1]));
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('has a usage snapshot every week, each in the exact format `lac pull` writes', () => {
    const days = git(['log', '--first-parent', '--format=%cs', 'main', '--', 'inventory/usage/figma.yaml']).trim().split('\n').reverse();
    expect(days.length).toBeGreaterThan(70);
    for (let i = 1; i < days.length; i++) expect(daysBetween(days[i - 1]!, days[i]!)).toBe(7);
    const revs = git(['log', '--first-parent', '--format=%H', 'main', '--', 'inventory/usage/']).trim().split('\n');
    for (const rev of [revs[0]!, revs[10]!, revs[40]!, revs[revs.length - 1]!]) {
      for (const license of ['figma', 'github-copilot', 'solidworks']) {
        const text = git(['show', `${rev}:inventory/usage/${license}.yaml`]);
        expect(serializeSnapshot(parse(text) as Usage)).toBe(text);
      }
    }
  });

  it('reclaims Copilot seats by a merged pull request whose commit carries the Lac-Reclaim trailer, after their activity stopped', () => {
    const merge = commits().find((c) => c.subject === 'Merge pull request #' + /#(\d+)/.exec(c.subject)?.[1] + ' from northwind/lac/reclaim/github-copilot');
    expect(merge).toBeDefined();
    const body = git(['log', '-1', '--format=%b', merge!.sha]);
    expect(body).toMatch(/^Reclaim \d+ unused GitHub Copilot seats$/m);
    const branchMessage = git(['log', '-1', '--format=%B', merge!.parents[1]!]);
    expect(branchMessage).toMatch(/^Lac-Reclaim: github-copilot$/m);
    const diff = git(['diff', merge!.parents[0]!, merge!.sha, '--', 'inventory/assignments/github-copilot.yaml']);
    const removed = [...diff.matchAll(/^- {2}- \{ person: ([a-z.]+),/gm)].map((m) => m[1]!);
    expect(removed.length).toBe(Number(/Reclaim (\d+)/.exec(body)![1]));
    expect(diff).not.toMatch(/^\+ /m);
    const reclaimDay = merge!.day;
    const before = parse(git(['show', `${merge!.parents[0]}:inventory/usage/github-copilot.yaml`])) as Usage;
    const early = parse(git(['show', `${git(['rev-list', '-1', '--first-parent', '--before=2026-03-01', 'main']).trim()}:inventory/usage/github-copilot.yaml`])) as Usage;
    for (const person of removed) {
      const now = before.accounts.find((a) => a.person === person)!;
      const then = early.accounts.find((a) => a.person === person)!;
      expect(daysBetween(now.last_active!, reclaimDay)).toBeGreaterThan(30);
      expect(daysBetween(then.last_active!, '2026-03-01')).toBeLessThan(20);
    }
  });

  it('passes `lac check`, and `lac history` reads leavers, renewals, removed seats and snapshots with their pull requests', async () => {
    const check = await lac(['check', '--root', demo.dir, '--today', DEMO_TODAY]);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    const history = await lac(['history', '--root', demo.dir, '--format', 'json', '--no-cache']);
    expect(history.code).toBe(0);
    const parsed = JSON.parse(history.stdout) as { events?: { type: string; pr: number | null; person?: string; contract?: string }[] } | { type: string; pr: number | null }[];
    const events = (Array.isArray(parsed) ? parsed : parsed.events!) as { type: string; pr: number | null; person?: string; contract?: string; details: Record<string, unknown> }[];
    const types = new Set(events.map((e) => e.type));
    for (const t of ['person.left', 'person.joined', 'contract.renewed', 'contract.created', 'seat.removed', 'seat.assigned', 'usage.snapshot']) expect(types, t).toContain(t);
    expect(events.filter((e) => e.type === 'person.left').map((e) => e.person)).toContain('burak.celik');
    expect(events.find((e) => e.type === 'contract.created' && e.contract === 'figma-2026')?.details.previous).toBe('figma-2025');
    expect(events.filter((e) => e.type !== 'file.unreadable')).toHaveLength(events.length);
    // Everything after the import came in by a pull request.
    const late = events.filter((e) => e.pr === null);
    expect(new Set(late.map((e) => e.type))).not.toContain('usage.snapshot');
    expect(late.every((e) => /created|joined|assigned/.test(e.type))).toBe(true);
  });

  it('gives offboarding evidence with a seat removed after the last day, by a pull request of its own', async () => {
    const r = await lac(['report', '--root', demo.dir, '--today', DEMO_TODAY, '--format', 'json']);
    type Seat = { status: string; days: { value: number }; removal: { value: { pr: number | null } } | null };
    const o = JSON.parse(r.stdout).offboarding as { removalDays: { value: number }; leavers: { person: string; verdict: string; seats: Seat[] }[] };
    expect(o.removalDays.value).toBe(7);
    const seats = o.leavers.flatMap((l) => l.seats);
    expect(seats.length).toBeGreaterThan(10);
    expect(seats.every((s) => s.removal === null || s.removal.value.pr !== null)).toBe(true);
    const late = seats.filter((s) => s.status === 'removed-late');
    expect(late.map((s) => s.days.value)).toEqual([10]);
    expect(o.leavers.filter((l) => l.verdict === 'late')).toHaveLength(1);
  });

  it('is a valid inventory at every quarter end of its history, without errors', async () => {
    for (const at of ['2025-06-30', '2025-09-30', '2025-12-31', '2026-03-31', '2026-06-30', '2026-09-30']) {
      const check = await lac(['check', '--root', demo.dir, '--at', at]);
      expect(check.code, `${at}\n${check.stdout}${check.stderr}`).toBe(0);
    }
  });

  it('gives the same commit ids on every build', () => {
    const again = buildDemoRepository({ dir: join(root, 'again') });
    expect(git(['rev-parse', 'main'], again.dir)).toBe(git(['rev-parse', 'main']));
    expect(again.commits).toBe(demo.commits);
  });
});

describe('npm run demo --no-serve', () => {
  // The run's shared demo (tests/support/demo-site.ts: runDemo with the site under a sub-path), whose site the browser
  // tests open; about 25 s idle, a minute or more on a busy 2-core machine. Budget 240 s.
  it('builds the repository and runs every command that exists, skipping the rest with a line', async () => {
    const { stdout: out, out: site } = await demoSite();
    expect(out).toMatch(/\d+ commits, \d+ merged pull requests, 2025-05-19 to 2026-11-23/);
    expect(out).toContain('$ lac check --today 2026-11-23');
    expect(out).toMatch(/0 errors, \d+ warnings/);
    expect(out).toContain('$ lac history --since 2026-05-23');
    expect(out).toContain('person.left');
    for (const command of ['report', 'renewals', 'site build']) expect(out).toContain(`$ lac ${command}`);
    // Every command of the demo is in the CLI now: none is skipped, and the report counts the reclaim's savings.
    expect(out).not.toContain('(skipped');
    expect(out).toMatch(/savings realised[^\n]*4 seats/i);
    expect(out).toMatch(/\nbuilt \d+ pages and \d+ downloads from commit [0-9a-f]{12} into /);
    expect(existsSync(join(site, 'index.html'))).toBe(true);
  }, 240_000);

  // Idle about 2.5 s (3.7 s CPU); 6-14 s at load 8-10 on 2 cores. Budget 120 s.
  it('serves the built site on a 127.0.0.1 address it prints, and carries on past a command that fails', async () => {
    const calls: string[][] = [];
    let out = '';
    let err = '';
    const code = await runDemo({
      dir: join(root, 'serve', 'northwind-licenses'), siteDir: join(root, 'serve', 'site'), serve: true, port: 0, out: (t) => void (out += t), err: (t) => void (err += t), env: {},
      cli: {
        has: (path, io) => path[0] === 'site' || hasCommand(path, io),
        run: async (argv, io) => {
          calls.push(argv);
          if (argv[0] === 'report') throw new Error('boom');
          return argv[0] === 'site' ? 0 : run(argv, io);
        },
      },
    });
    expect(code).toBe(2);
    expect(err).toContain('demo: lac report --today 2026-11-23 failed: boom');
    const port = /The report site of the demo repository: http:\/\/127\.0\.0\.1:(\d+)\/ \(Ctrl\+C to stop\)/.exec(out)?.[1];
    expect(Number(port)).toBeGreaterThan(0);
    const build = calls.find((c) => c[1] === 'build')!;
    const preview = calls.find((c) => c[1] === 'preview')!;
    expect(preview).toEqual(['site', 'preview', '--out', build[build.indexOf('--out') + 1]!, '--port', port]);
    expect(calls.map((c) => c.slice(0, c[0] === 'site' ? 2 : 1).join(' '))).toEqual(['check', 'report', 'renewals', 'history', 'site build', 'site preview']);
  }, 120_000);
});
