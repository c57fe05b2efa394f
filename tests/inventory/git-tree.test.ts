// A revision's inventory listed through one cat-file process (src/inventory/git-tree.ts) is what
// `git ls-tree -r -l -z REV -- inventory/` lists, and the paths two listings differ in are what
// `git diff-tree -r --name-only --no-renames` names: both compared with git's own output, on a tree
// with nested folders, links, an executable, a submodule, names with spaces and accents, a license
// repository in a subfolder, and a SHA-256 repository.
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, test } from 'vitest';
import { openCatFile } from '../../src/git/cat-file.ts';
import { changedEntries, listCommits, type ListedTree } from '../../src/inventory/git-tree.ts';
import { catFilePair } from '../../src/diff/git-pair.ts';
import { tempRepo, type TestRepo } from '../support/git.ts';

const repos: TestRepo[] = [];
afterAll(() => repos.forEach((r) => r.cleanup()));

/** What ls-tree lists: blob path → { oid, mode, size }. */
function lsTree(dir: string, rev: string): Map<string, { oid: string; mode: string; size: number }> {
  const out = new Map<string, { oid: string; mode: string; size: number }>();
  for (const record of execFileSync('git', ['ls-tree', '-r', '-l', '-z', rev, '--', 'inventory/'], { cwd: dir }).toString('utf8').split('\0')) {
    if (!record) continue;
    const tab = record.indexOf('\t');
    const [mode, type, oid, size] = record.slice(0, tab).split(/ +/);
    if (type === 'blob') out.set(record.slice(tab + 1), { oid: oid!, mode: mode!, size: Number(size) });
  }
  return out;
}

const diffTree = (dir: string, a: string, b: string) =>
  execFileSync('git', ['diff-tree', '-r', '--relative', '--name-only', '-z', '--no-renames', a, b, '--', 'inventory'], { cwd: dir }).toString('utf8').split('\0').filter(Boolean);

/** Two commits of a tree with every kind of entry, the license repository in `sub` (or the top). */
function twoCommits(repo: TestRepo, sub = ''): [string, string] {
  const p = (path: string) => (sub ? `${sub}/${path}` : path);
  const commit = () => {
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'c'], { GIT_AUTHOR_DATE: '2026-01-01T09:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T09:00:00Z' });
    return repo.git(['rev-parse', 'HEAD']).trim();
  };
  repo.write({ [p('inventory/org.yaml')]: 'name: x\n', [p('inventory/licenses/a b.yaml')]: 'id: a\n', [p('inventory/usage/ö.yaml')]: 'x: 1\n', [p('inventory/deep/er/still.yaml')]: 'y: 2\n', [p('inventory/run.sh')]: 'echo\n', [p('inventory/gone.yaml')]: 'z: 3\n', [p('inventory-not/x.yaml')]: 'n: 1\n', [p('inventory2.yaml')]: 'n: 2\n' });
  repo.git(['update-index', '--add', '--chmod=+x', p('inventory/run.sh')]);
  execFileSync('ln', ['-s', 'org.yaml', p('inventory/link.yaml')], { cwd: repo.dir });
  const base = commit();
  // A submodule entry (a commit id in the tree), as a license repository may hold by mistake.
  repo.git(['update-index', '--add', '--cacheinfo', `160000,${base},${p('inventory/module')}`]);
  repo.write({ [p('inventory/org.yaml')]: 'name: y\n', [p('inventory/gone.yaml')]: null, [p('inventory/new/one.yaml')]: 'w: 4\n' });
  repo.git(['update-index', '--chmod=+x', p('inventory/usage/ö.yaml')]); // the mode alone changes
  execFileSync('rm', [p('inventory/link.yaml')], { cwd: repo.dir });
  repo.write({ [p('inventory/link.yaml')]: 'a file now\n' });
  repo.git(['add', '-A', p('inventory/org.yaml'), p('inventory/gone.yaml'), p('inventory/new'), p('inventory/link.yaml')]);
  repo.git(['commit', '-q', '-m', 'd'], { GIT_AUTHOR_DATE: '2026-01-02T09:00:00Z', GIT_COMMITTER_DATE: '2026-01-02T09:00:00Z' });
  return [base, repo.git(['rev-parse', 'HEAD']).trim()];
}

async function compare(dir: string, base: string, head: string): Promise<void> {
  const store = openCatFile(dir);
  try {
    // Both revisions at once (a folder they share is read once), and each alone.
    const asked: string[] = [];
    const counting = { ...store, contents: (name: string) => (asked.push(name), store.contents(name)) };
    const [a, b] = (await listCommits(counting, [base, head])) as [ListedTree, ListedTree];
    expect(asked.length).toBe(new Set(asked).size);
    const [[alone], [again]] = (await Promise.all([listCommits(store, [base]), listCommits(store, [head])])) as [[ListedTree], [ListedTree]];
    const byPath = (m: Map<string, unknown>) => [...m].sort(([x], [y]) => (x < y ? -1 : 1));
    expect(byPath(a.blobs)).toEqual(byPath(lsTree(dir, base)));
    expect(byPath(b.blobs)).toEqual(byPath(lsTree(dir, head)));
    expect(byPath(alone.blobs)).toEqual(byPath(a.blobs));
    expect(byPath(again.blobs)).toEqual(byPath(b.blobs));
    expect(changedEntries(a.entries, b.entries)).toEqual(diffTree(dir, base, head));
  } finally {
    await store.close();
  }
}

describe('the inventory listed through cat-file', () => {
  test('is what ls-tree lists, and its changes what diff-tree names', async () => {
    const repo = tempRepo();
    repos.push(repo);
    const [base, head] = twoCommits(repo);
    const names = [...lsTree(repo.dir, base).keys()];
    expect(names).toEqual(expect.arrayContaining(['inventory/licenses/a b.yaml', 'inventory/usage/ö.yaml', 'inventory/deep/er/still.yaml', 'inventory/link.yaml']));
    expect(diffTree(repo.dir, base, head)).toEqual(expect.arrayContaining(['inventory/module', 'inventory/usage/ö.yaml', 'inventory/link.yaml', 'inventory/gone.yaml']));
    await compare(repo.dir, base, head);
  });

  test('in a license repository kept in a subfolder of the git repository', async () => {
    const repo = tempRepo();
    repos.push(repo);
    const [base, head] = twoCommits(repo, 'licenses');
    await compare(`${repo.dir}/licenses`, base, head);
    expect(lsTree(`${repo.dir}/licenses`, base).size).toBeGreaterThan(5);
  });

  test('in a SHA-256 repository', async () => {
    const repo = tempRepo();
    repos.push(repo);
    execFileSync('rm', ['-rf', '.git'], { cwd: repo.dir });
    repo.git(['init', '-q', '-b', 'main', '--object-format=sha256', '.']);
    for (const [k, v] of [['user.name', 'Test Runner'], ['user.email', 'runner@test.example'], ['commit.gpgsign', 'false']]) repo.git(['config', k!, v!]);
    const [base, head] = twoCommits(repo);
    expect(base).toHaveLength(64);
    await compare(repo.dir, base, head);
  });

  test('a diff lists both revisions through it, or gives way where a revision names no commit', async () => {
    const repo = tempRepo();
    repos.push(repo);
    const [base, head] = twoCommits(repo);
    repo.git(['tag', 'v1', base]);
    const pair = await catFilePair(repo.dir, 'v1', 'main');
    expect(pair?.base.commit).toBe(base);
    expect(pair?.head.commit).toBe(head);
    expect(pair?.changed).toEqual(diffTree(repo.dir, base, head));
    expect(await pair!.head.source.list()).toEqual([...lsTree(repo.dir, head).keys()].sort());
    expect(Buffer.from(await pair!.head.source.read('inventory/org.yaml')).toString()).toBe('name: y\n');
    const blob = repo.git(['rev-parse', 'main:inventory/org.yaml']).trim();
    for (const bad of ['nope', blob, 'main\nv1', '']) expect(await catFilePair(repo.dir, bad, 'main')).toBeUndefined();
  });
});
