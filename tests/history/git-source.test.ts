import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInventory } from '../../src/inventory/load.ts';
import { gitSource, resolveAt, RevisionError, verifyCommit } from '../../src/inventory/git-source.ts';
import { fsSource } from '../../src/inventory/source.ts';
import { tempRepo } from '../support/git.ts';
import { buildFixture, type Fixture } from './fixture.ts';

let f: Fixture;
beforeAll(() => {
  f = buildFixture();
  f.repo.git(['tag', 'v1', f.shas.upgrade]);
});
afterAll(() => f.repo.cleanup());

describe('gitSource', () => {
  it('reads the inventory as it stood at a revision, leaving the working tree and the index alone', async () => {
    // A dirty working tree: a staged edit, an unstaged edit, an untracked file.
    f.repo.write({ 'inventory/vendors/figma.yaml': 'id: figma\nname: Figma (staged)\n' });
    f.repo.git(['add', 'inventory/vendors/figma.yaml']);
    f.repo.write({ 'inventory/vendors/figma.yaml': 'id: figma\nname: Figma (unstaged)\n', 'inventory/vendors/new.yaml': 'id: new\nname: New\n' });
    const status = f.repo.git(['status', '--porcelain']);
    const index = f.repo.git(['ls-files', '--stage']);
    try {
      const old = await loadInventory(gitSource(f.repo.dir, f.shas.initial));
      const now = await loadInventory(fsSource(f.repo.dir));
      expect([...old.inventory.people.keys()]).toEqual(['ada', 'bob', 'cy']);
      expect([...now.inventory.people.keys()]).toEqual(['ada', 'bob', 'cy', 'dee']);
      expect(old.inventory.assignments.get('figma')!.seats.map((s) => `${s.person}:${s.tier}`)).toEqual(['ada:full', 'bob:viewer']);
      expect(now.inventory.assignments.get('figma')!.seats.map((s) => `${s.person}:${s.tier}`)).toEqual(['ada:full', 'dee:full']);
      expect(old.inventory.vendors.get('figma')!.data.name).toBe('Figma, Inc.');
      expect(now.inventory.vendors.get('figma')!.data.name).toBe('Figma (unstaged)');
      expect(old.inventory.usage.size).toBe(0);
      expect(old.findings).toEqual([]);
      expect(old.inventory.files).toEqual([
        'inventory/assignments/figma.yaml', 'inventory/contracts/figma-2026.yaml', 'inventory/licenses/figma.yaml',
        'inventory/org.yaml', 'inventory/people.yaml', 'inventory/vendors/figma.yaml',
      ]);
      expect(f.repo.git(['status', '--porcelain'])).toBe(status);
      expect(f.repo.git(['ls-files', '--stage'])).toBe(index);
    } finally {
      f.repo.git(['checkout', '-q', 'HEAD', '--', 'inventory/vendors/figma.yaml']);
      f.repo.write({ 'inventory/vendors/new.yaml': null });
    }
  });

  it('accepts branches and tags, and says which revision it reads', async () => {
    const source = gitSource(f.repo.dir, 'v1');
    expect(source.label).toBe(`${f.repo.dir}@v1`);
    const loaded = await loadInventory(source);
    expect(loaded.inventory.assignments.get('figma')!.seats.find((s) => s.person === 'bob')!.tier).toBe('full');
    await expect(source.read('inventory/usage/figma.yaml')).rejects.toThrow('no such file at v1: inventory/usage/figma.yaml');
  });

  it('fails with a RevisionError on an unknown revision', async () => {
    await expect(gitSource(f.repo.dir, 'no-such-branch').list()).rejects.toThrow(RevisionError);
  });
});

describe('resolveAt', () => {
  it('takes a date as the last first-parent commit at or before the end of that day', async () => {
    expect((await resolveAt(f.repo.dir, '2026-01-02')).commit).toBe(f.shas.initial);
    // PR #2's own commit is dated 9 January, but it landed on main with the merge on the 10th.
    expect((await resolveAt(f.repo.dir, '2026-01-09')).commit).toBe(f.shas.readme);
    expect(await resolveAt(f.repo.dir, '2026-01-10')).toEqual({ commit: f.shas.dee, date: '2026-01-10T08:30:00Z' });
    expect((await resolveAt(f.repo.dir, '2030-01-01')).commit).toBe(f.shas.usage);
  });

  it('ends the day in the org time zone when one is given', async () => {
    // "Bob left" was committed at 23:30 UTC on 1 March: 00:30 on 2 March in Berlin.
    expect((await resolveAt(f.repo.dir, '2026-03-01')).commit).toBe(f.shas.leaver);
    expect((await resolveAt(f.repo.dir, '2026-03-01', { timeZone: 'Europe/Berlin' })).commit).toBe(f.shas.upgrade);
    expect((await resolveAt(f.repo.dir, '2026-03-02', { timeZone: 'Europe/Berlin' })).commit).toBe(f.shas.leaver);
  });

  it('takes anything else as a revision', async () => {
    expect((await resolveAt(f.repo.dir, 'v1')).commit).toBe(f.shas.upgrade);
    expect((await resolveAt(f.repo.dir, 'HEAD~1')).commit).toBe(f.shas.renewal);
    expect((await resolveAt(f.repo.dir, f.shas.dee.slice(0, 10))).commit).toBe(f.shas.dee);
    expect((await resolveAt(f.repo.dir, 'main')).commit).toBe(f.shas.usage);
  });

  it('explains what is wrong', async () => {
    const message = async (p: Promise<unknown>) => p.then(() => 'no error', (e: RevisionError) => `${e.name}: ${e.message} / ${e.hint}`);
    expect(await message(resolveAt(f.repo.dir, 'no-such-tag'))).toBe(`RevisionError: unknown revision "no-such-tag" in ${f.repo.dir} / pass a date YYYY-MM-DD, or a commit, tag or branch that exists (see \`git log\`)`);
    expect(await message(resolveAt(f.repo.dir, '--output=x'))).toBe(`RevisionError: unknown revision "--output=x" in ${f.repo.dir} / pass a date YYYY-MM-DD, or a commit, tag or branch that exists (see \`git log\`)`);
    expect(await message(resolveAt(f.repo.dir, '2025-12-31'))).toBe('RevisionError: no commit on the current branch at or before 2025-12-31: the history starts on 2026-01-02 / pass a date on or after 2026-01-02');
    expect(await message(resolveAt(f.repo.dir, '2026-02-30'))).toBe('RevisionError: 2026-02-30 is not a calendar date / write a date as YYYY-MM-DD, e.g. 2026-06-30');
    const empty = tempRepo();
    try {
      expect(await message(resolveAt(empty.dir, '2026-01-01'))).toBe(`RevisionError: the repository ${empty.dir} has no commits yet / commit the inventory first`);
      expect(await message(resolveAt(`${empty.dir}/..`, 'HEAD'))).toMatch(/^RevisionError: .* is not a git repository/);
    } finally {
      empty.cleanup();
    }
  });
});

describe('verifyCommit', () => {
  it('names a good revision with one git process, and asks whether the folder is a repository only when it fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lac-verify-'));
    const commands = async (p: () => Promise<unknown>) => {
      const file = join(dir, `trace-${Math.random().toString(36).slice(2)}`);
      process.env.GIT_TRACE = file;
      try {
        await p().catch(() => undefined);
      } finally {
        delete process.env.GIT_TRACE;
      }
      return readFileSync(file, 'utf8').split('\n').flatMap((l) => /trace: built-in: git (.*)$/.exec(l)?.[1] ?? []).map((c) => c.split(' ').slice(0, 2).join(' '));
    };
    try {
      expect(await verifyCommit(f.repo.dir, 'v1')).toBe(f.shas.upgrade);
      expect(await commands(() => verifyCommit(f.repo.dir, 'main'))).toEqual(['rev-parse --verify']);
      expect(await commands(() => verifyCommit(f.repo.dir, 'no-such-tag'))).toEqual(['rev-parse --verify', 'rev-parse --git-dir']);
      await expect(verifyCommit(f.repo.dir, 'no-such-tag')).rejects.toThrow(`unknown revision "no-such-tag" in ${f.repo.dir}`);
      await expect(verifyCommit(dir, 'HEAD')).rejects.toThrow(`${dir} is not a git repository`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a license repository in a subfolder of the git repository', () => {
  it('reads paths relative to that folder, at a revision and in the history', async () => {
    const { history } = await import('../../src/history/history.ts');
    const repo = tempRepo();
    try {
      const { files } = await import('../support/inventory.ts');
      const nested = Object.fromEntries(Object.entries(files()).map(([p, t]) => [`licenses/${p}`, t]));
      const first = repo.commit({ ...nested, 'inventory/not-this-one.txt': 'outside\n' }, { message: 'Initial', date: '2026-01-02T09:00:00Z' });
      repo.commit({ 'licenses/inventory/vendors/figma.yaml': 'id: figma\nname: Figma\n' }, { message: 'Rename vendor', date: '2026-01-03T09:00:00Z' });
      const dir = `${repo.dir}/licenses`;
      const loaded = await loadInventory(gitSource(dir, first));
      expect(loaded.findings).toEqual([]);
      expect(loaded.inventory.vendors.get('figma')!.data.name).toBe('Figma, Inc.');
      const { events } = await history(dir, { diskCache: false });
      expect(events[0]).toMatchObject({ type: 'vendor.changed', vendor: 'figma', file: 'inventory/vendors/figma.yaml', details: { field: 'name', from: 'Figma, Inc.', to: 'Figma' } });
      expect(events.filter((e) => e.file.includes('not-this-one'))).toEqual([]);
    } finally {
      repo.cleanup();
    }
  });
});
