// One running `git cat-file --batch-command` (src/git/cat-file.ts): answers in the order asked, whole
// objects however the pipe cuts them, undefined for a name git does not know, and a rejection for
// what it cannot ask. Compared with git's own answers (`git cat-file -p`, `rev-parse`).
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, test } from 'vitest';
import { GitError } from '../../src/git/run.ts';
import { openCatFile } from '../../src/git/cat-file.ts';
import { tempRepo } from '../support/git.ts';

const repo = tempRepo();
afterAll(() => repo.cleanup());
// A blob larger than a pipe holds (64 KB), between small ones: it arrives in many pieces.
const big = Array.from({ length: 20_000 }, (_, i) => `  - { person: p${i}, tier: full, since: 2026-01-01 }`).join('\n') + '\n';
const commit = repo.commit({ 'inventory/a.yaml': 'a: 1\n', 'inventory/big.yaml': big, 'inventory/sub/ö b.yaml': 'b: 2\n' }, { message: 'one', date: '2026-01-01T09:00:00Z' });
const oid = (name: string) => repo.git(['rev-parse', name]).trim();

describe('git cat-file --batch-command, kept running', () => {
  test('answers info and contents in the order asked, whole objects across the pipe', async () => {
    const store = openCatFile(repo.dir);
    try {
      const names = ['main:inventory/a.yaml', 'main:inventory/big.yaml', 'main:./inventory/sub/ö b.yaml', 'main^{tree}', 'main^{commit}'];
      const infos = [store.info('main:inventory/big.yaml'), store.info('main^{commit}')];
      const answers = await Promise.all(names.map((n) => store.contents(n)));
      for (const [i, name] of names.entries()) {
        const a = answers[i]!;
        expect(a.info.oid).toBe(oid(name));
        expect(a.info.size).toBe(a.data.length);
        expect(a.data.equals(execFileSync('git', ['cat-file', a.info.type, a.info.oid], { cwd: repo.dir, maxBuffer: 1 << 24 }))).toBe(true);
      }
      expect(answers[1]!.data.toString('utf8')).toBe(big);
      expect(answers[4]!.info).toEqual({ oid: commit, type: 'commit', size: answers[4]!.data.length });
      expect(await infos[0]).toEqual({ oid: oid('main:inventory/big.yaml'), type: 'blob', size: Buffer.byteLength(big) });
      expect(await infos[1]).toEqual({ oid: commit, type: 'commit', size: answers[4]!.data.length });
    } finally {
      await store.close();
    }
  });

  test('a name git does not know is undefined, and the answers after it are still right', async () => {
    const store = openCatFile(repo.dir);
    try {
      const [missing, spaced, after] = await Promise.all([store.info('nope^{commit}'), store.contents('main:inventory/no such file.yaml'), store.contents('main:inventory/a.yaml')]);
      expect(missing).toBeUndefined();
      expect(spaced).toBeUndefined();
      expect(after?.data.toString('utf8')).toBe('a: 1\n');
    } finally {
      await store.close();
    }
  });

  test('infos answers many names at once, in order, between other requests; a name git does not know is undefined', async () => {
    const store = openCatFile(repo.dir);
    try {
      const names = ['main:inventory/big.yaml', 'nope', oid('main:inventory/a.yaml'), 'main:./inventory/sub/ö b.yaml', 'main^{commit}'];
      const [before, many, none, after] = await Promise.all([store.contents('main:inventory/a.yaml'), store.infos(names), store.infos([]), store.info('main^{tree}')]);
      expect(before?.data.toString('utf8')).toBe('a: 1\n');
      expect(many).toEqual(names.map((n) => (n === 'nope' ? undefined : { oid: oid(n), type: n.endsWith('{commit}') ? 'commit' : 'blob', size: Number(repo.git(['cat-file', '-s', n]).trim()) })));
      expect(none).toEqual([]);
      expect(after).toEqual({ oid: oid('main^{tree}'), type: 'tree', size: Number(repo.git(['cat-file', '-s', 'main^{tree}']).trim()) });
      await expect(store.infos(['main', 'a\nb'])).rejects.toBeInstanceOf(GitError);
      expect((await store.info('main'))?.type).toBe('commit');
    } finally {
      await store.close();
    }
  });

  test('a name with a line break is refused before git sees it; a closed process refuses what is asked after', async () => {
    const store = openCatFile(repo.dir);
    await expect(store.info('main\ncontents main')).rejects.toBeInstanceOf(GitError);
    expect((await store.info('main'))?.type).toBe('commit');
    await store.close();
    const late = await store.info('main').catch((e: unknown) => e);
    expect(late).toBeInstanceOf(GitError);
  });

  test('outside a repository every request rejects with what git said', async () => {
    const store = openCatFile(repo.dir.replace(/repo$/, ''));
    const e = await store.info('main').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(GitError);
    expect((e as GitError).stderr).toMatch(/not a git repository/);
    await store.close();
  });
});
