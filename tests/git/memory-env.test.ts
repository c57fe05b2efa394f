// git cat-file keeps the buffers of the blobs it inflates in its heap (src/git/run.ts, REUSED_MEMORY): glibc
// reads GLIBC_TUNABLES. Only cat-file gets it, and a value the user set is left alone. And cat-file streams
// a large blob stored whole in a pack instead of inflating it into a buffer of its size (STREAMED).
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { git, gitInvocation } from '../../src/git/run.ts';
import { tempRepo } from '../support/git.ts';

const repo = tempRepo();
afterAll(() => repo.cleanup());
repo.commit({ 'inventory/a.yaml': 'a: 1\n' }, { message: 'one', date: '2026-01-01T09:00:00Z' });
// 3 MB that compress well, in a pack (gc), as a clone has them: the blob is stored whole, not as a delta.
const big = Array.from({ length: 60_000 }, (_, i) => `  - { person: p${i}, tier: full, since: 2026-01-05 }\n`).join('');
repo.commit({ 'inventory/assignments/big.yaml': big }, { message: 'two', date: '2026-01-02T09:00:00Z' });
repo.git(['gc', '-q']);

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

  it('streams a large packed blob (cat-file only), and what it reads is the same', async () => {
    const args = gitInvocation(['cat-file', '--batch']).args;
    expect(args.join(' ')).toMatch(/-c core\.bigFileThreshold=1m .*cat-file --batch$/);
    expect(gitInvocation(['diff', 'a', 'b']).args.join(' ')).not.toContain('bigFileThreshold');
    expect(gitInvocation(['add', '.']).args.join(' ')).not.toContain('bigFileThreshold');
    const name = 'HEAD:inventory/assignments/big.yaml';
    const ours = await git(repo.dir, ['cat-file', '--batch'], `${name}\n${name}\n`);
    expect(ours.equals(execFileSync('git', ['cat-file', '--batch'], { cwd: repo.dir, input: `${name}\n${name}\n`, maxBuffer: 64 << 20 }))).toBe(true);
    expect(ours.length).toBeGreaterThan(2 * big.length);
  });
});
