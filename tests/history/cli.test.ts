import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceAt } from '../../src/cli/at.ts';
import { ExitCode, UserError } from '../../src/cli/errors.ts';
import { registerHistory } from '../../src/cli/history.ts';
import type { Io } from '../../src/cli/io.ts';
import { buildProgram } from '../../src/cli/program.ts';
import { loadInventory } from '../../src/inventory/load.ts';
import { tempRepo } from '../support/git.ts';
import { buildFixture, type Fixture } from './fixture.ts';

let f: Fixture;
beforeAll(() => {
  f = buildFixture();
});
afterAll(() => f.repo.cleanup());

/**
 * Runs `lac` in process, as `run` in src/cli/program.ts does (same exit code mapping), with the
 * history command registered when the program does not have it yet.
 */
async function lac(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), env: {}, cwd: f.repo.dir, isTTY: false };
  const program: Command = buildProgram(io);
  if (!program.commands.some((c) => c.name() === 'history')) registerHistory(program, io);
  let code = 0;
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof ExitCode) code = e.code;
    else if (e instanceof CommanderError) code = e.exitCode === 0 ? 0 : 2;
    else if (e instanceof UserError) {
      err += `lac: ${e.message}\n${e.hint ? `  hint: ${e.hint}\n` : ''}`;
      code = 2;
    } else throw e;
  }
  return { code, out, err };
}

describe('lac history', () => {
  it('prints text, newest first', async () => {
    const r = await lac('history', '--root', f.repo.dir, '--person', 'bob');
    expect(r).toMatchObject({ code: 0, err: '' });
    // Bob is a leaver: his offboarding block follows the events (tests/offboarding/history.test.ts).
    expect(r.out).toContain('\nOffboarding of bob (Bob Byte): last day 2026-02-27 (FY2026-Q1); no removal deadline in org.yaml\n');
    expect(r.out.split('\nOffboarding')[0]!.split('\n').filter(Boolean).map((l) => l.replace(/^\S+ {2}\S+ {2}/, ''))).toEqual([
      '-             Ada Lovelace          seat.removed        bob gave up a figma seat: full',
      '-             Ada Lovelace          person.left         bob left (last day 2026-02-27)',
      // Without a token every commit's review record says so (issue 15), never "none".
      '            not available (no API access at build time); committed by Ada Lovelace; signature unsigned',
      '#3            Bob Byte              seat.tier-changed   bob\'s figma seat: viewer → full',
      '            not available (no API access at build time); committed by Bob Byte; signature unsigned',
      '-             Ada Lovelace          seat.assigned       bob got a figma seat: viewer since 2026-01-05',
      '-             Ada Lovelace          person.joined       bob joined: Bob Byte',
      '            not available (no API access at build time); committed by Ada Lovelace; signature unsigned',
    ]);
  });

  it('prints JSON and CSV, with filters', async () => {
    const json = await lac('history', '--root', f.repo.dir, '--format', 'json', '--license', 'figma', '--since', '2026-12-01', '--order', 'oldest');
    expect(json.code).toBe(0);
    const events = JSON.parse(json.out) as { type: string; pr: number | null; signed: boolean }[];
    expect(events.map((e) => [e.type, e.pr, e.signed])).toEqual([['contract.renewed', 5, false], ['contract.changed', 5, false], ['usage.snapshot', null, true]]);
    const csv = await lac('history', '--root', f.repo.dir, '--format', 'csv', '--until', '2026-01-02');
    expect(csv.code).toBe(0);
    const rows = csv.out.split('\r\n');
    expect(rows[0]).toBe('date,commit,pr,author,email,signed,type,license,person,device,contract,vendor,summary,details,file,committer,committer_email,approval,pr_title,pr_url,reviewers,approvers,merger,signature');
    expect(rows).toHaveLength(1 + 9 + 1);
    expect(rows[1]).toMatch(/^2026-01-02T09:00:00Z,[0-9a-f]{40},,Ada Lovelace,ada@test.example,false,seat.assigned,figma,ada,/);
  });

  it('exits 2 with a message on bad options', async () => {
    const cases: [string[], string][] = [
      [['--since', '2026-02-30'], 'lac: --since 2026-02-30 is not a calendar date\n  hint: write it as YYYY-MM-DD, e.g. --since 2026-01-31\n'],
      [['--since', '2026-03-01', '--until', '2026-02-01'], 'lac: --since 2026-03-01 is after --until 2026-02-01\n  hint: swap the two dates\n'],
      [['--format', 'xml'], 'lac: --format xml is not one of text, json, csv, md\n  hint: e.g. --format csv\n'],
      [['--order', 'random'], 'lac: --order random is not newest or oldest\n  hint: e.g. --order oldest\n'],
      [['--license', 'Figma!'], 'lac: --license "Figma!" is not an ID\n  hint: pass the license ID as written in the inventory, e.g. --license figma\n'],
      [['--ref', 'nope'], `lac: unknown revision "nope" in ${f.repo.dir}\n  hint: pass a date YYYY-MM-DD, or a commit, tag or branch that exists (see \`git log\`)\n`],
    ];
    for (const [args, err] of cases) expect(await lac('history', '--root', f.repo.dir, ...args)).toEqual({ code: 2, out: '', err });
  });

  it('exits 2 outside a git repository and in one without commits', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'lac-plain-'));
    const empty = tempRepo();
    try {
      mkdirSync(join(plain, 'inventory'));
      mkdirSync(join(empty.dir, 'inventory'));
      expect(await lac('history', '--root', plain)).toEqual({ code: 2, out: '', err: `lac: ${plain} is not a git repository\n  hint: history and --at read the git history of the license repository; run lac in its clone\n` });
      expect(await lac('history', '--root', empty.dir)).toEqual({ code: 2, out: '', err: `lac: the repository ${empty.dir} has no commits yet\n  hint: commit the inventory first\n` });
    } finally {
      rmSync(plain, { recursive: true, force: true });
      empty.cleanup();
    }
  });
});

describe('--at', () => {
  it('reads the working tree without --at, and git objects with it', async () => {
    const now = await sourceAt(f.repo.dir, undefined, '/');
    expect(now.at).toBeUndefined();
    expect((await loadInventory(now.source)).inventory.people.size).toBe(4);
    // The fixture org is in Europe/Berlin: 1 March ends before "Bob left" (00:30 on 2 March there).
    const then = await sourceAt(f.repo.dir, '2026-03-01', '/');
    expect(then.at).toEqual({ commit: f.shas.upgrade, date: '2026-02-01T10:00:00Z', day: '2026-03-01' });
    expect((await loadInventory(then.source)).inventory.people.get('bob')!.data.status).toBe('active');
    const byRev = await sourceAt(f.repo.dir, f.shas.leaver, '/');
    expect(byRev.at!.day).toBe('2026-03-02');
    expect((await loadInventory(byRev.source)).inventory.people.get('bob')!.data.status).toBe('leaver');
  });

  it('turns a bad --at into a user error', async () => {
    await expect(sourceAt(f.repo.dir, '2020-01-01', '/')).rejects.toMatchObject({ name: 'UserError', message: 'no commit on the current branch at or before 2020-01-01 (Europe/Berlin): the history starts on 2026-01-02', hint: 'pass a date on or after 2026-01-02' });
    await expect(sourceAt(f.repo.dir, 'v9', '/')).rejects.toBeInstanceOf(UserError);
    await expect(sourceAt(`${f.repo.dir}/missing`, 'HEAD', '/')).rejects.toThrow(/is not a folder/);
  });
});
