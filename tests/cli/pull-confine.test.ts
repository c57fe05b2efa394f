// Paths in repository configuration stay inside the repository (issue 12, item 2): the csv and
// json imports' usage.config.path is refused, at its file:line:col, when it is absolute, leads
// out with "..", or is a symbolic link out; nothing of the outside file is printed or written.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, lac, tempRepo } from '../support/cli.ts';
import { files, LICENSE } from '../support/inventory.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(cleanup));

// Looks like /etc/passwd; a test-owned file, so the test does not depend on the machine's.
const SECRET = 'Email,Last Seen,Role\nroot:x:0:0:root:/root:/bin/bash,2026-03-01,Editor\n';
const license = (source: string, path: string) => `${LICENSE}usage:\n  source: ${source}\n  config: { path: ${JSON.stringify(path)}, columns: { account: Email, last_active: Last Seen, tier: Role } }\n`;
const SNAPSHOT = 'inventory/usage/figma.yaml';
const HINT = '    hint: commit the export inside the repository and write its path relative to the repository root, e.g. usage/exports/figma-members.csv';

/** A repository whose license reads `path` (made by `path(dir, outsideFile)`), plus a file outside it. */
function setup(source: string, path: (dir: string, outside: string) => string, extra: (dir: string, outside: string) => void = () => {}) {
  const outsideDir = mkdtempSync(join(tmpdir(), 'lac-outside-'));
  const outside = join(outsideDir, 'passwd');
  writeFileSync(outside, SECRET);
  const dir = tempRepo(files());
  dirs.push(dir, outsideDir);
  writeFileSync(join(dir, 'inventory/licenses/figma.yaml'), license(source, path(dir, outside)));
  extra(dir, outside);
  return dir;
}

async function expectRefused(dir: string, why: (written: string) => string) {
  const written = (readFileSync(join(dir, 'inventory/licenses/figma.yaml'), 'utf8').match(/path: ("[^"]*")/) ?? [])[1]!;
  const r = await lac(['pull', 'figma', '--root', dir, '--today', '2026-03-10']);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(`figma: failed: inventory/licenses/figma.yaml:11:19: usage.config.path ${written} ${why(written)}; lac reads only files inside the repository\n${HINT}\n    ${SNAPSHOT} is unchanged\n`);
  expect(r.stderr).not.toContain('root:x');
  expect(existsSync(join(dir, SNAPSHOT))).toBe(false);
  expect(r.code).toBe(1);
}

describe('lac pull: usage.config.path is confined to the repository', () => {
  it('refuses a relative path that leads out with ..', async () => {
    const dir = setup('csv', (d, o) => relative(d, o));
    await expectRefused(dir, () => 'leads outside the repository');
  });

  it('refuses ../../../../etc/passwd as written in the issue', async () => {
    const dir = setup('csv', () => '../../../../etc/passwd');
    await expectRefused(dir, () => 'leads outside the repository');
  });

  it('refuses an absolute path, even one inside the repository', async () => {
    await expectRefused(setup('csv', (_, o) => o), () => 'is an absolute path');
    await expectRefused(setup('json', (d) => join(d, 'exports/figma.json')), () => 'is an absolute path');
  });

  it('refuses a symbolic link in the repository to a file outside it (csv and json)', async () => {
    for (const source of ['csv', 'json']) {
      const dir = setup(source, () => 'exports/members.csv', (d, o) => {
        execFileSync('mkdir', ['-p', join(d, 'exports')]);
        symlinkSync(o, join(d, 'exports/members.csv'));
      });
      await expectRefused(dir, () => 'is a symbolic link to a file outside the repository');
    }
  });

  it('refuses a folder of the path that is a link out of the repository', async () => {
    const dir = setup('csv', () => 'exports/passwd', (d, o) => symlinkSync(join(o, '..'), join(d, 'exports')));
    await expectRefused(dir, () => 'is a symbolic link to a file outside the repository');
  });

  it('reads an export that is a FIFO or a folder inside the repository as a plain failure, without waiting', async () => {
    const fifo = setup('csv', () => 'exports/members.csv', (d) => {
      execFileSync('mkdir', ['-p', join(d, 'exports')]);
      execFileSync('mkfifo', [join(d, 'exports/members.csv')]);
    });
    const r = await lac(['pull', 'figma', '--root', fifo]);
    expect(r.stderr).toContain(`figma: failed: CSV import: cannot read ${join(fifo, 'exports/members.csv')}: is a named pipe (FIFO), not a regular file\n`);
    expect(r.code).toBe(1);
    const folder = setup('csv', () => 'exports', (d) => execFileSync('mkdir', ['-p', join(d, 'exports')]));
    expect((await lac(['pull', 'figma', '--root', folder])).stderr).toContain(': is a folder, not a regular file\n');
  });

  it('checks the size of an export before reading it (a sparse 3 GiB file)', async () => {
    const dir = setup('csv', () => 'exports/members.csv', (d) => {
      execFileSync('mkdir', ['-p', join(d, 'exports')]);
      writeFileSync(join(d, 'exports/members.csv'), 'Email\n');
      truncateSync(join(d, 'exports/members.csv'), 3 * 1024 ** 3);
    });
    const r = await lac(['pull', 'figma', '--root', dir]);
    expect(r.stderr).toContain(`/exports/members.csv: file is 3072.0 MiB, over the 64 MiB limit\n`);
    expect(r.code).toBe(1);
  });

  it('still reads an export inside the repository, also through a link that stays inside', async () => {
    const dir = setup('csv', () => 'exports/members.csv', (d) => {
      execFileSync('mkdir', ['-p', join(d, 'exports', 'real')]);
      writeFileSync(join(d, 'exports/real/members.csv'), 'Email,Last Seen,Role\nada@test.example,2026-03-01,Editor\n');
      symlinkSync('real/members.csv', join(d, 'exports/members.csv'));
    });
    const r = await lac(['pull', 'figma', '--root', dir, '--today', '2026-03-10']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`figma: 1 accounts, 1 matched, 0 unmatched: wrote ${SNAPSHOT}\n`);
    expect(r.code).toBe(0);
  });
});
