// git cat-file keeps the buffers of the blobs it inflates in its heap (src/git/run.ts, REUSED_MEMORY): glibc
// reads GLIBC_TUNABLES. Only cat-file gets it, and a value the user set is left alone.
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { git, gitInvocation } from '../../src/git/run.ts';
import { tempRepo } from '../support/git.ts';

const repo = tempRepo();
afterAll(() => repo.cleanup());
repo.commit({ 'inventory/a.yaml': 'a: 1\n' }, { message: 'one', date: '2026-01-01T09:00:00Z' });

describe('the memory setting of git cat-file', () => {
  it('is given to cat-file only, and never over the user\'s own', () => {
    const saved = process.env.GLIBC_TUNABLES;
    try {
      delete process.env.GLIBC_TUNABLES;
      expect(gitInvocation(['cat-file', '--batch']).env.GLIBC_TUNABLES).toMatch(/^glibc\.malloc\.mmap_threshold=\d+:glibc\.malloc\.trim_threshold=\d+$/);
      expect(gitInvocation(['log', '-p']).env.GLIBC_TUNABLES).toBeUndefined();
      process.env.GLIBC_TUNABLES = 'glibc.malloc.arena_max=2';
      expect(gitInvocation(['cat-file', '--batch']).env.GLIBC_TUNABLES).toBe('glibc.malloc.arena_max=2');
    } finally {
      if (saved === undefined) delete process.env.GLIBC_TUNABLES;
      else process.env.GLIBC_TUNABLES = saved;
    }
  });

  it('leaves what git reads the same', async () => {
    const name = 'main:inventory/a.yaml';
    const ours = await git(repo.dir, ['cat-file', '--batch'], `${name}\n`);
    expect(ours.equals(execFileSync('git', ['cat-file', '--batch'], { cwd: repo.dir, input: `${name}\n` }))).toBe(true);
  });
});
