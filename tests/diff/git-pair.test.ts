// `lac diff BASE HEAD` lists both revisions through one cat-file process (src/diff/git-pair.ts): the
// same output as reading them command by command (gitSource and `git diff-tree`), with fewer git
// processes; and the same messages where a revision is wrong (the command-by-command path words them).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { computeDiff, type DiffRequest } from '../../src/cli/actions/diff-compute.ts';
import { changedPaths } from '../../src/diff/base.ts';
import { formatDiff } from '../../src/diff/format.ts';
import { gitMentions } from '../../src/diff/mentions.ts';
import { diffTrees } from '../../src/diff/run.ts';
import { gitSource } from '../../src/inventory/git-source.ts';
import { committedChange } from '../support/diff-repo.ts';
import type { TestRepo } from '../support/git.ts';

const repos: TestRepo[] = [];
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()));

/** The git commands (first two words) that `p` runs, from GIT_TRACE. */
async function gitCommands(p: () => Promise<unknown>): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'lac-pair-trace-'));
  process.env.GIT_TRACE = join(dir, 'trace');
  try {
    await p();
    return readFileSync(join(dir, 'trace'), 'utf8').split('\n').flatMap((l) => /trace: built-in: git (.*)$/.exec(l)?.[1] ?? []).map((c) => c.split(' ').slice(0, 2).join(' '));
  } finally {
    delete process.env.GIT_TRACE;
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('lac diff of two revisions through one cat-file process', () => {
  it('gives what the command-by-command reading gives, with one git process to list both trees', async () => {
    const repo = committedChange(repos);
    const request: DiffRequest = { root: repo.dir, base: 'main', head: 'change', today: '2026-03-10', format: 'json', markdown: false };
    let fast: string | undefined;
    const commands = await gitCommands(async () => (fast = (await computeDiff(request)).text));
    const [base, head] = ['main', 'change'].map((r) => repo.git(['rev-parse', r]).trim()) as [string, string];
    const slow = await diffTrees(gitSource(repo.dir, base), gitSource(repo.dir, head), { base: 'main', head: 'change' }, '2026-03-10', await changedPaths(repo.dir, base, head), { mentions: gitMentions(repo.dir, base) });
    expect(fast).toBe(formatDiff(slow, 'json'));
    expect(JSON.parse(fast!).events.length).toBeGreaterThan(0);
    // No rev-parse, ls-tree or diff-tree: the listing is the one cat-file --batch-command; the files are read in batches.
    expect(commands[0]).toBe('cat-file --batch-command');
    expect(commands.filter((c) => !c.startsWith('cat-file'))).toEqual([]);
  });

  it('words a wrong revision as before', async () => {
    const repo = committedChange(repos);
    const request: DiffRequest = { root: repo.dir, base: 'nope', head: 'change', format: 'text', markdown: false };
    await expect(computeDiff(request)).rejects.toThrow('unknown revision "nope"');
    await expect(computeDiff({ ...request, base: 'main', head: 'main:inventory' })).rejects.toThrow('unknown revision "main:inventory"');
  });
});
