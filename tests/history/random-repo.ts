// Random license repositories with many kinds of change, written by one `git fast-import`: seat and
// people edits, duplicate keys, comments and blank lines, files that stop parsing and parse again,
// renames into files that share a license, deletions, block-style and CRLF rewrites, bytes that
// are not UTF-8, a missing final newline, empty lists, top-level keys, merged pull requests.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Random } from '../../src/synth/random.ts';
import { CONTRACT, LICENSE, ORG } from '../support/inventory.ts';

type Files = Map<string, string>;
// Written as the byte 0xFF: a line that is not UTF-8.
const NOT_UTF8 = '\uE000';
const TIERS = ['full', 'viewer', 'dev'];

const person = (i: number, r: Random) => `  - { id: p${i}, name: Person ${i}, email: p${i}@test.example, department: ${r.pick(['eng', 'sales'])}, status: ${r.pick(['active', 'active', 'leaver'])} }`;
const seat = (r: Random) => (r.chance(0.1) ? `  - { device: d${r.int(0, 5)}, tier: ${r.pick(TIERS)}, since: 2026-01-0${r.int(1, 9)} }` : `  - { person: p${r.int(0, 20)}, tier: ${r.pick(TIERS)}, since: 2026-01-0${r.int(1, 9)}${r.chance(0.2) ? ', note: "kept"' : ''} }`);
const usage = (l: string, r: Random) => `license: ${l}\nsource: csv\ntaken: 2026-02-0${r.int(1, 9)}T06:00:00Z\naccounts:\n${Array.from({ length: r.int(1, 6) }, (_, i) => `  - { account: p${i}@test.example, person: p${i}, status: active }\n`).join('')}`;

function initial(r: Random): Files {
  const files: Files = new Map([
    ['inventory/org.yaml', ORG],
    ['inventory/people.yaml', `# the directory\npeople:\n${Array.from({ length: 12 }, (_, i) => `${person(i, r)}\n`).join('')}`],
    ['inventory/vendors/figma.yaml', 'id: figma\nname: Figma\n'],
    ['inventory/licenses/figma.yaml', LICENSE],
    ['inventory/licenses/slack.yaml', LICENSE.replace('id: figma', 'id: slack')],
    ['inventory/contracts/figma-2026.yaml', CONTRACT],
    ['inventory/usage/figma.yaml', usage('figma', r)],
  ]);
  for (const l of ['figma', 'slack', 'zoom']) files.set(`inventory/assignments/${l}.yaml`, `license: ${l}\nseats:\n${Array.from({ length: 8 }, () => `${seat(r)}\n`).join('')}`);
  return files;
}

/** One random edit of the files. */
function edit(files: Files, r: Random): void {
  const lists = [...files.keys()].filter((p) => p.includes('/assignments/') || p.endsWith('people.yaml'));
  const path = r.pick(lists.length ? lists : [...files.keys()]);
  const text = files.get(path)!;
  const lines = text.split('\n');
  const items = lines.map((l, i) => (l.startsWith('  - ') ? i : -1)).filter((i) => i >= 0);
  const any = () => (items.length ? r.pick(items) : lines.length - 1);
  const newItem = () => (path.endsWith('people.yaml') ? person(r.int(0, 20), r) : seat(r));
  const op = r.int(0, 19);
  if (op <= 4) lines[any()] = newItem(); // a record changed (or replaced by another, or a duplicate)
  else if (op <= 7) lines.splice(r.int(Math.min(2, lines.length), lines.length), 0, newItem()); // a record added
  else if (op <= 9) lines.splice(any(), 1); // a record removed
  else if (op === 10) lines.splice(r.int(0, lines.length), 0, r.pick(['', '  # a comment', '# top comment', '   ']));
  else if (op === 11) lines[any()] = r.pick(['  - { person: broken', `  - { person: p1, note: "${NOT_UTF8}" }`, '\tnot: yaml: at all']);
  else if (op === 12) lines.splice(1, 0, r.pick(['owner: ada', 'note: hello']));
  else if (op === 13) {
    // Renamed, or copied beside itself under another name (the same license in two files).
    const to = `inventory/assignments/${r.pick(['figma', 'slack', 'zoom', 'extra'])}${r.int(0, 1) ? '' : '-2'}.yaml`;
    if (to !== path) {
      files.set(to, text);
      if (r.chance(0.5)) files.delete(path);
      return;
    }
  } else if (op === 14) {
    if (r.chance(0.5)) files.delete(path);
    else files.set(path, path.endsWith('people.yaml') ? 'people: []\n' : `license: ${path.slice(path.lastIndexOf('/') + 1, -5)}\nseats: []\n`);
    return;
  } else if (op === 15) {
    // Block style: read by the yaml package, not the line scanner.
    files.set(path, text.replace(/^ {2}- \{ (\w+): ([^,]+), (.*) \}$/gm, '  - $1: $2\n    _rest: "$3"').replace(/^ {4}_rest: .*\n?/gm, ''));
    return;
  } else if (op === 16) lines.forEach((l, i) => (lines[i] = l.endsWith('\r') || i === lines.length - 1 ? l : `${l}\r`));
  else if (op === 17) {
    files.set(path, text.replace(/\n$/, ''));
    return;
  } else if (op === 18) {
    const other = r.pick(['inventory/contracts/figma-2026.yaml', 'inventory/usage/figma.yaml', 'inventory/licenses/slack.yaml', 'inventory/vendors/figma.yaml', 'inventory/org.yaml']);
    const t = files.get(other);
    if (other.includes('usage')) files.set(other, usage('figma', r));
    else if (t) files.set(other, t.replace(/(quantity: |end: 2026-12-|name: )(\w+)/, (_, k: string, v: string) => `${k}${v}${r.int(1, 9)}`));
    else files.set(other, 'id: x\nname: Back\n');
    return;
  } else lines.splice(0, lines.length, ...(files.get(path) ?? '').split('\n')); // no change to this file
  files.set(path, lines.join('\n'));
}

const bytes = (text: string) => Buffer.concat(text.split(NOT_UTF8).flatMap((part, i) => (i ? [Buffer.from([0xff]), Buffer.from(part)] : [Buffer.from(part)])));

/** A repository of `commits` random commits (a fifth merged pull requests) in a temporary folder. */
export function randomRepo(seed: number, commits: number): { dir: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'lac-random-'));
  const r = new Random(`history-random:${seed}`);
  let files = initial(r);
  const chunks: Buffer[] = [];
  let mark = 0;
  let head = 0;
  let time = Date.parse('2026-01-01T09:00:00Z') / 1000;
  const data = (b: Buffer) => [Buffer.from(`data ${b.length}\n`), b, Buffer.from('\n')];
  const commit = (ref: string, message: string, changes: [string, string | null][], from: number, merge = 0) => {
    const who = `Ada Lovelace <ada@test.example> ${time} +0000`;
    chunks.push(Buffer.from(`commit ${ref}\nmark :${++mark}\nauthor ${who}\ncommitter ${who}\n`), ...data(Buffer.from(message)));
    if (from) chunks.push(Buffer.from(`from :${from}\n`));
    if (merge) chunks.push(Buffer.from(`merge :${merge}\n`));
    for (const [p, t] of changes) chunks.push(...(t === null ? [Buffer.from(`D ${p}\n`)] : [Buffer.from(`M 100644 inline ${p}\n`), ...data(bytes(t))]));
    chunks.push(Buffer.from('\n'));
    return mark;
  };
  head = commit('refs/heads/main', 'Initial inventory', [...files], 0);
  for (let n = 1; n < commits; n++) {
    time += 3600;
    const next = new Map(files);
    for (let k = r.int(1, 3); k > 0; k--) edit(next, r);
    const changes: [string, string | null][] = [...new Set([...files.keys(), ...next.keys()])].filter((p) => files.get(p) !== next.get(p)).map((p) => [p, next.get(p) ?? null]);
    files = next;
    if (r.chance(0.2)) {
      const side = commit('refs/heads/pr', `change ${n}`, changes, head);
      head = commit('refs/heads/main', `Merge pull request #${n} from org/change-${n}`, changes, head, side);
    } else head = commit('refs/heads/main', r.chance(0.3) ? `change ${n} (#${n})` : `change ${n}`, changes, head);
  }
  const git = (args: string[], input?: Buffer) => execFileSync('git', args, { cwd: root, input, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } });
  git(['init', '-q', '-b', 'main']);
  git(['fast-import', '--quiet'], Buffer.concat(chunks));
  git(['checkout', '-q', 'main']);
  return { dir: root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
