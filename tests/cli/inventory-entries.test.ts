// Inventory entries that are not regular files inside the repository (issue 12, items 2 and 3):
// each gives one located finding and exit 2; never a hang, a stack trace or unbounded memory.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { cleanup, lac, lacProcess, tempRepo } from '../support/cli.ts';
import { files, SEATS } from '../support/inventory.ts';
import { tempRepo as gitRepo } from '../support/git.ts';

const dirs: string[] = [];
const track = (d: string) => (dirs.push(d), d);
const repo = () => track(tempRepo(files()));
afterEach(() => dirs.splice(0).forEach(cleanup));

const TODAY = ['--today', '2026-03-10'];
const SEATS_FILE = 'inventory/assignments/figma.yaml';

/** Replaces the assignments file with what `make` puts at its path; runs `lac check`. */
async function checkWith(make: (path: string) => void) {
  const dir = repo();
  const path = join(dir, SEATS_FILE);
  rmSync(path);
  make(path);
  return lac(['check', '--root', dir, ...TODAY]);
}

/** The one finding at the entry, and nothing cascading from it (the seats' license is known). */
function expectOneFinding(r: { code: number; stdout: string; stderr: string }, message: string) {
  expect(r.stderr).toBe('');
  const lines = r.stdout.trimEnd().split('\n');
  expect(lines[0]).toBe(`${SEATS_FILE}:1:1  error  unreadable-file  ${message}`);
  expect(lines.at(-1)).toBe('1 error, 0 warnings, 0 notices');
  expect(r.code).toBe(2);
}

describe('lac check: inventory entries that are not regular files', () => {
  it('refuses a symbolic link to a file outside the repository and prints nothing of it', async () => {
    const outside = track(mkdtempSync(join(tmpdir(), 'lac-outside-')));
    writeFileSync(join(outside, 'secret.yaml'), `${SEATS}  - { person: root-secret-value, tier: full, since: 2026-01-05 }\n`);
    const r = await checkWith((p) => symlinkSync(join(outside, 'secret.yaml'), p));
    expectOneFinding(r, 'is a symbolic link to a file outside the repository; lac reads nothing outside it');
    expect(r.stdout).not.toContain('root-secret-value');
  });

  it('refuses a link out of the repository through a relative path with ..', async () => {
    const r = await checkWith((p) => symlinkSync('../../../../../../../../etc/passwd', p));
    expectOneFinding(r, 'is a symbolic link to a file outside the repository; lac reads nothing outside it');
    expect(r.stdout).not.toContain('root:');
  });

  it('refuses a link to /dev/zero without reading it (bounded memory, no hang)', async () => {
    const r = await checkWith((p) => symlinkSync('/dev/zero', p));
    expectOneFinding(r, 'is a symbolic link to a file outside the repository; lac reads nothing outside it');
  });

  it('refuses a named pipe (FIFO) in the inventory without waiting for a writer', async () => {
    const r = await checkWith((p) => execFileSync('mkfifo', [p]));
    expectOneFinding(r, 'is a named pipe (FIFO), not a regular file');
  });

  it('refuses a character device (the tests run as root, who may mknod) without reading it', async () => {
    const r = await checkWith((p) => execFileSync('mknod', [p, 'c', '1', '5'])); // 1,5 is /dev/zero
    expectOneFinding(r, 'is a device, not a regular file');
  });

  it('refuses a link to a FIFO outside the repository without opening it', async () => {
    const outside = track(mkdtempSync(join(tmpdir(), 'lac-outside-')));
    execFileSync('mkfifo', [join(outside, 'pipe')]);
    const r = await checkWith((p) => symlinkSync(join(outside, 'pipe'), p));
    expectOneFinding(r, 'is a symbolic link to a file outside the repository; lac reads nothing outside it');
  });

  it('refuses a link inside the repository to a FIFO inside it', async () => {
    const r = await checkWith((p) => {
      execFileSync('mkfifo', [join(p, '..', '..', '..', 'pipe')]);
      symlinkSync('../../pipe', p);
    });
    expectOneFinding(r, 'is a symbolic link to a named pipe (FIFO), not a regular file');
  });

  it('refuses a symbolic link to a folder', async () => {
    const r = await checkWith((p) => {
      mkdirSync(join(p, '..', '..', '..', 'docs'));
      symlinkSync('../../docs', p);
    });
    expectOneFinding(r, 'is a symbolic link to a folder, not a regular file');
  });

  it('refuses a folder where a file is expected', async () => {
    const r = await checkWith((p) => {
      mkdirSync(p);
      writeFileSync(join(p, 'x.yaml'), SEATS);
    });
    expectOneFinding(r, 'is a folder, not a regular file');
  });

  it('refuses a dangling symbolic link', async () => {
    const r = await checkWith((p) => symlinkSync('nowhere.yaml', p));
    expectOneFinding(r, 'is a symbolic link to a file that does not exist');
  });

  it('follows a symbolic link to a regular file inside the repository', async () => {
    const r = await checkWith((p) => {
      writeFileSync(join(p, '..', '..', '..', 'seats.yaml'), SEATS);
      symlinkSync('../../seats.yaml', p);
    });
    expect(r).toEqual({ code: 0, stdout: 'no problems found\n', stderr: '' });
  });

  it('checks the size before reading: a sparse 3 GiB file is refused at once', async () => {
    const r = await checkWith((p) => {
      writeFileSync(p, SEATS);
      truncateSync(p, 3 * 1024 ** 3);
    });
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toBe(`${SEATS_FILE}:1:1  error  file-too-large  file is 3072.0 MiB, over the 32 MiB limit`);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('1 error, 0 warnings, 0 notices');
    expect(r.code).toBe(1);
  });

  it('gives one finding per bad entry, all in one run, as a real process without a stack trace', () => {
    const dir = repo();
    const outside = track(mkdtempSync(join(tmpdir(), 'lac-outside-')));
    writeFileSync(join(outside, 'v.yaml'), 'id: stolen\nname: Stolen\n');
    symlinkSync(join(outside, 'v.yaml'), join(dir, 'inventory/vendors/evil.yaml'));
    symlinkSync('/dev/zero', join(dir, 'inventory/vendors/zero.yaml'));
    execFileSync('mkfifo', [join(dir, 'inventory/vendors/pipe.yaml')]);
    mkdirSync(join(dir, 'inventory/vendors/folder.yaml'));
    const r = lacProcess(['check', '--root', dir, ...TODAY]);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(/\n\s+at .*:\d+:\d+/);
    expect(r.stdout.split('\n').filter((l) => l.includes('unreadable-file'))).toEqual([
      'inventory/vendors/evil.yaml:1:1  error  unreadable-file  is a symbolic link to a file outside the repository; lac reads nothing outside it',
      'inventory/vendors/folder.yaml:1:1  error  unreadable-file  is a folder, not a regular file',
      'inventory/vendors/pipe.yaml:1:1  error  unreadable-file  is a named pipe (FIFO), not a regular file',
      'inventory/vendors/zero.yaml:1:1  error  unreadable-file  is a symbolic link to a file outside the repository; lac reads nothing outside it',
    ]);
    expect(r.stdout).not.toContain('Stolen');
    expect(r.code).toBe(2);
  });

  it('other commands load the same inventory without a crash', async () => {
    const dir = repo();
    symlinkSync('/dev/zero', join(dir, 'inventory/vendors/zero.yaml'));
    execFileSync('mkfifo', [join(dir, 'inventory/vendors/pipe.yaml')]);
    for (const args of [['report'], ['renewals'], ['reclaim', '--dry-run']]) {
      const r = await lac([...args, '--root', dir, ...TODAY]);
      expect(r.stderr, args.join(' ')).not.toContain('internal error');
      expect(r.code, args.join(' ')).toBe(0);
    }
  });
});

describe('lac check --at: entries read from git objects', () => {
  it('refuses a committed symbolic link and a blob over the size limit without reading them', async () => {
    const git = gitRepo();
    onTestFinished(() => git.cleanup());
    git.commit(files(), { message: 'Inventory', date: '2026-03-01T09:00:00Z' });
    symlinkSync('/etc/passwd', join(git.dir, 'inventory/vendors/evil.yaml'));
    writeFileSync(join(git.dir, 'inventory/vendors/big.yaml'), '');
    truncateSync(join(git.dir, 'inventory/vendors/big.yaml'), 33 * 1024 * 1024);
    git.git(['add', '-A']);
    git.git(['commit', '-q', '-m', 'Links and a big file']);
    const r = await lac(['check', '--root', git.dir, '--at', 'HEAD', ...TODAY]);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter((l) => l.startsWith('inventory/vendors/'))).toEqual([
      'inventory/vendors/big.yaml:1:1  error  file-too-large  file is 33.0 MiB, over the 32 MiB limit',
      'inventory/vendors/evil.yaml:1:1  error  unreadable-file  is a symbolic link, not a regular file',
    ]);
    expect(r.code).toBe(2);
  });
});

describe('lac check: an inventory folder that is a link out of the repository', () => {
  it('reads none of its files and says why, once per file', async () => {
    const dir = repo();
    const outside = track(mkdtempSync(join(tmpdir(), 'lac-outside-')));
    execFileSync('mv', [join(dir, 'inventory'), join(outside, 'inventory')]);
    writeFileSync(join(outside, 'inventory/vendors/figma.yaml'), 'id: figma\nname: Stolen Secret\n');
    symlinkSync(join(outside, 'inventory'), join(dir, 'inventory'));
    const r = await lac(['check', '--root', dir, ...TODAY]);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('6 errors, 0 warnings, 0 notices');
    expect(new Set(lines.slice(0, -1).filter((l) => !l.startsWith('    hint')).map((l) => l.replace(/^\S+/, '<file>')))).toEqual(
      new Set(['<file>  error  unreadable-file  lies outside the repository (a folder on its path is a symbolic link); lac reads nothing outside it']),
    );
    expect(r.stdout).not.toContain('Stolen Secret');
    expect(r.code).toBe(2);
  });
});

describe('lac diff: entries that are not regular files', () => {
  it('reports them as findings the change introduces, without reading them', async () => {
    const git = gitRepo();
    onTestFinished(() => git.cleanup());
    git.commit(files(), { message: 'Inventory', date: '2026-03-01T09:00:00Z' });
    execFileSync('mkfifo', [join(git.dir, 'inventory/vendors/pipe.yaml')]);
    symlinkSync('/dev/zero', join(git.dir, 'inventory/vendors/zero.yaml'));
    const r = await lac(['diff', 'HEAD', '--root', git.dir, ...TODAY]);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter((l) => l.startsWith('introduces:'))).toEqual([
      'introduces: error unreadable-file inventory/vendors/pipe.yaml:1 is a named pipe (FIFO), not a regular file',
      'introduces: error unreadable-file inventory/vendors/zero.yaml:1 is a symbolic link to a file outside the repository; lac reads nothing outside it',
    ]);
  });
});
