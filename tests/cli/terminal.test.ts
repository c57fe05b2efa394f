// Data that carries terminal control sequences is printed with them made visible, by every
// command that prints text for people (ECMA-48: ESC [ 2 J clears the screen; xterm: ESC ] 0 ; ... BEL
// sets the window title).
import { afterEach, describe, expect, it } from 'vitest';
import { forTerminal } from '../../src/util/escape/terminal.ts';
import { cleanup, lac, tempRepo } from '../support/cli.ts';
import { ADA, tempRepo as gitRepo, type TestRepo } from '../support/git.ts';
import { CONTRACT, files, LICENSE, ORG, PEOPLE } from '../support/inventory.ts';

const NASTY = '\u001b[2J\u001b]0;pwned\u0007x\rover\bwrite\u009b31m\u202e';
// JSON strings are YAML double-quoted scalars, escapes and all.
const Q = JSON.stringify(`Evil${NASTY}`);
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;
const SHOWN = 'Evil␛[2J␛]0;pwned␇x␍over␈write\ufffd31m\ufffd';

const HOSTILE = {
  'inventory/org.yaml': ORG.replace('name: Engineering', `name: ${Q}`),
  'inventory/people.yaml': PEOPLE.replace('name: Bob Byte', `name: ${Q}`),
  'inventory/licenses/figma.yaml': LICENSE.replace('name: Figma', `name: ${Q}`),
  'inventory/contracts/figma-2026.yaml': CONTRACT.replace('vendor: figma\n', `vendor: figma\ntitle: ${Q}\n`),
};

const dirs: string[] = [];
const repos: TestRepo[] = [];
afterEach(() => {
  dirs.splice(0).forEach(cleanup);
  repos.splice(0).forEach((r) => r.cleanup());
});

function expectVisible(output: string): void {
  expect(output).not.toMatch(CONTROL);
  expect(output).toContain('␛[2J');
}

describe('terminal output of hostile data', () => {
  it('forTerminal shows control characters as symbols and keeps tabs and line breaks', () => {
    expect(forTerminal(`Evil${NASTY}`)).toBe(SHOWN);
    expect(forTerminal('a\tb\nc')).toBe('a\tb\nc');
  });

  it('check: an ID with escape sequences in a finding', async () => {
    const dir = tempRepo(files({ 'inventory/assignments/figma.yaml': `license: figma\nseats:\n  - { person: ${JSON.stringify(`ada${NASTY}`)}, tier: full, since: 2026-01-05 }\n` }));
    dirs.push(dir);
    for (const format of ['text', 'github']) {
      const r = await lac(['check', '--format', format, '--today', '2026-03-10', '--root', dir]);
      expect(r.code).toBe(1);
      expectVisible(r.stdout);
    }
    // JSON escapes control characters itself: the data stays exact for programs.
    const json = await lac(['check', '--format', 'json', '--today', '2026-03-10', '--root', dir]);
    expect(json.stdout).toContain('\\u001b[2J');
  });

  it('report, renewals and reclaim --dry-run text', async () => {
    const dir = tempRepo(files(HOSTILE));
    dirs.push(dir);
    for (const args of [['report'], ['renewals', '--within', '400'], ['reclaim', '--dry-run']]) {
      const r = await lac([...args, '--today', '2026-03-10', '--root', dir]);
      expect(r.stderr, args[0]).not.toMatch(CONTROL);
      expect(r.stdout, args[0]).not.toMatch(CONTROL);
      if (args[0] !== 'reclaim') expect(r.stdout).toContain(SHOWN);
    }
  });

  it('history and diff text', async () => {
    const repo = gitRepo();
    repos.push(repo);
    const base = repo.commit(files(), { message: 'Start', date: '2026-01-10T10:00:00Z', author: ADA });
    repo.commit(HOSTILE, { message: `Rename ${NASTY}`, date: '2026-02-10T10:00:00Z', author: ADA });
    for (const args of [['history'], ['diff', base, 'HEAD']]) {
      const r = await lac([...args, '--root', repo.dir]);
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(0);
      expectVisible(r.stdout);
    }
  });

  it('pull messages and error messages', async () => {
    const license = `${LICENSE}usage:\n  source: csv\n  config: { path: exports/figma.csv, columns: { account: Email, last_active: Last Seen } }\n`;
    const dir = tempRepo({ ...files({ 'inventory/licenses/figma.yaml': license }), 'exports/figma.csv': `Email,Last Seen\r\nstranger${NASTY}@else.example,2026-02-01\r\n` });
    dirs.push(dir);
    const r = await lac(['pull', 'figma', '--dry-run', '--today', '2026-03-10', '--root', dir]);
    expectVisible(r.stdout + r.stderr);
    const bad = await lac(['report', '--today', `2026-03-10${NASTY}`, '--root', dir]);
    expect(bad.code).toBe(2);
    expectVisible(bad.stderr);
  });
});
