// Writes a planned history as a real git repository in one `git fast-import` stream: every commit
// with its own author, committer and dates, so the same plan always gives the same commit ids.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gitSync } from '../git/run.ts';
import type { Plan, Step, Who } from './plan.ts';

const ENV = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
  LC_ALL: 'C',
};

export function gitIn(dir: string, args: string[], input?: Buffer | string): string {
  return gitSync(dir, args, input, { env: ENV });
}

/** The organization and repository the demo's pull requests come from. */
export const GITHUB_ORG = 'northwind';

interface Rendered {
  path: string;
  text: string | null;
}

/** Applies each step's changes to the files' state and yields the files each step changed. */
function* render(plan: Plan): Generator<{ step: Step; files: Rendered[] }> {
  const texts = new Map<string, string | null>();
  const lists = new Map<string, { header: string[]; order: string[]; lines: Map<string, string> }>();
  const show = (path: string): string | null => {
    const l = lists.get(path);
    if (!l) return texts.get(path) ?? null;
    const lines = l.order.map((k) => l.lines.get(k)).filter((t): t is string => t !== undefined);
    return `${[...l.header, ...lines].join('\n')}\n`;
  };
  const last = new Map<string, string | null>();
  for (const [path, f] of plan.files) {
    if (f.kind === 'text') texts.set(path, f.initial);
    else lists.set(path, { header: f.header, order: f.order, lines: new Map(f.initial) });
  }
  for (const step of plan.steps) {
    const touched = new Set<string>();
    if (step.kind === 'import') for (const path of plan.files.keys()) touched.add(path);
    for (const c of step.changes) {
      touched.add(c.path);
      if (c.key === undefined) texts.set(c.path, c.text);
      else {
        const l = lists.get(c.path);
        if (!l) throw new Error(`demo: ${c.path} is not a list file`);
        if (!l.order.includes(c.key)) throw new Error(`demo: ${c.path} has no record ${c.key}`);
        if (c.text === null) l.lines.delete(c.key);
        else l.lines.set(c.key, c.text);
      }
    }
    const files: Rendered[] = [];
    for (const path of [...touched].sort()) {
      const text = show(path);
      if (text === (last.get(path) ?? null)) continue;
      last.set(path, text);
      files.push({ path, text });
    }
    yield { step, files };
  }
}

const seconds = (instant: string) => Math.floor(Date.parse(instant) / 1000);
const ident = (who: Who, time: number) => `${who.name} <${who.email}> ${time} +0000`;

class Stream {
  chunks: Buffer[] = [];
  mark = 0;
  line(s: string): void {
    this.chunks.push(Buffer.from(`${s}\n`, 'utf8'));
  }
  data(s: string): void {
    const b = Buffer.from(s, 'utf8');
    this.line(`data ${b.length}`);
    this.chunks.push(b, Buffer.from('\n'));
  }
}

export interface WriteResult {
  commits: number;
  pullRequests: number;
}

/** Writes the plan into a new repository at `dir` (branch main), checks it out, and adds a bare `origin` next to it. */
export function writeRepository(plan: Plan, dir: string): WriteResult {
  const root = resolve(dir);
  const bare = `${root}.git`;
  rmSync(root, { recursive: true, force: true });
  rmSync(bare, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  gitIn(root, ['init', '-q', '-b', 'main']);
  gitIn(root, ['config', 'commit.gpgsign', 'false']);
  gitIn(root, ['config', 'user.name', 'Northwind IT']);
  gitIn(root, ['config', 'user.email', 'it@northwind.example']);

  const s = new Stream();
  const blobs = new Map<string, number>();
  const blob = (text: string): number => {
    let m = blobs.get(text);
    if (m === undefined) {
      m = ++s.mark;
      blobs.set(text, m);
      s.line('blob');
      s.line(`mark :${m}`);
      s.data(text);
    }
    return m;
  };
  const fileLines = (files: Rendered[]) => files.map((f) => (f.text === null ? `D ${f.path}` : `M 100644 :${blob(f.text)} ${f.path}`));

  let head = 0;
  let headTime = 0;
  let commits = 0;
  let prs = 0;
  for (const { step, files } of render(plan)) {
    if (files.length === 0) continue;
    const time = Math.max(seconds(step.at), headTime + 60);
    const ops = fileLines(files);
    const message = `${step.title}${step.pr && step.kind === 'squash' ? ` (#${step.pr})` : ''}\n\n${step.body}`.replace(/\n+$/, '\n');
    if (step.kind === 'merge') {
      // The branch commit: written some hours before the merge, on top of main as it was.
      const written = Math.max(headTime + 60, time - 60 * (25 + (step.pr! * 37) % 240));
      const branch = ++s.mark;
      s.line('commit refs/heads/pull-request');
      s.line(`mark :${branch}`);
      s.line(`author ${ident(step.author, written)}`);
      s.line(`committer ${ident(step.author, written)}`);
      s.data(step.commitMessage ?? message);
      s.line(`from :${head}`);
      for (const op of ops) s.line(op);
      s.line('');
      const merge = ++s.mark;
      s.line('commit refs/heads/main');
      s.line(`mark :${merge}`);
      s.line(`author ${ident(step.merger!, time)}`);
      s.line(`committer ${ident(step.merger!, time)}`);
      s.data(`Merge pull request #${step.pr} from ${GITHUB_ORG}/${step.branch}\n\n${step.title}\n`);
      s.line(`from :${head}`);
      s.line(`merge :${branch}`);
      for (const op of ops) s.line(op);
      s.line('');
      head = merge;
      commits += 2;
      prs++;
    } else {
      const m = ++s.mark;
      s.line('commit refs/heads/main');
      s.line(`mark :${m}`);
      s.line(`author ${ident(step.author, time)}`);
      s.line(`committer ${ident(step.merger ?? step.author, time)}`);
      s.data(step.kind === 'squash' && step.commitMessage ? `${step.title} (#${step.pr})\n\n${step.commitMessage}` : message);
      if (head) s.line(`from :${head}`);
      for (const op of ops) s.line(op);
      s.line('');
      head = m;
      commits++;
      if (step.kind === 'squash') prs++;
    }
    headTime = time;
  }
  s.line('done');
  gitIn(root, ['fast-import', '--quiet', '--done'], Buffer.concat(s.chunks));
  gitIn(root, ['update-ref', '-d', 'refs/heads/pull-request']);
  gitIn(root, ['reset', '-q', '--hard', 'main']);

  mkdirSync(dirname(bare), { recursive: true });
  gitIn(dirname(bare), ['init', '-q', '--bare', '-b', 'main', bare]);
  gitIn(root, ['remote', 'add', 'origin', bare]);
  gitIn(root, ['push', '-q', '-u', 'origin', 'main']);
  if (!existsSync(resolve(root, 'inventory'))) throw new Error('demo: the repository has no inventory/');
  return { commits, pullRequests: prs };
}
