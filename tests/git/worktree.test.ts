import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { worktreeChanges } from '../../src/git/worktree.ts';
import { tempRepo } from '../support/git.ts';

const repo = tempRepo();
afterAll(() => repo.cleanup());

describe('worktreeChanges', () => {
  it('lists modified, deleted, untracked and non-regular paths, not unchanged or ignored ones', async () => {
    const base = repo.commit({ '.gitignore': 'inventory/*.bak\n', 'inventory/a.yaml': 'a: 1\n', 'inventory/b.yaml': 'b: 1\n', 'inventory/c.yaml': 'c: 1\n', 'inventory/d.yaml': 'd: 1\n', 'other.txt': 'x\n' }, { message: 'base', date: '2026-01-01T00:00:00Z' });
    repo.write({ 'inventory/a.yaml': 'a: 2\n', 'inventory/b.yaml': null, 'inventory/new.yaml': 'n: 1\n', 'inventory/old.bak': 'ignored\n', 'other.txt': 'changed outside inventory\n' });
    rmSync(join(repo.dir, 'inventory/d.yaml'));
    symlinkSync('/dev/zero', join(repo.dir, 'inventory/d.yaml'));
    mkdirSync(join(repo.dir, 'inventory/sub'));
    writeFileSync(join(repo.dir, 'inventory/sub/e.yaml'), 'e: 1\n');
    expect(await worktreeChanges(repo.dir, base, 'inventory')).toEqual(['inventory/a.yaml', 'inventory/b.yaml', 'inventory/d.yaml', 'inventory/new.yaml', 'inventory/sub/e.yaml']);
    // A staged change that the working tree keeps is a change; one that matches the commit is not.
    repo.git(['add', 'inventory/a.yaml', 'inventory/new.yaml']);
    repo.write({ 'inventory/a.yaml': 'a: 1\n' });
    expect(await worktreeChanges(repo.dir, base, 'inventory')).toEqual(['inventory/b.yaml', 'inventory/d.yaml', 'inventory/new.yaml', 'inventory/sub/e.yaml']);
  });
});
