// Disk-full and permission errors (issue 12, items 3 and 11), injected into node:fs/promises
// because the tests run as root (chmod does not stop root) and no test can fill a real disk:
// each gives a plain message that names the file and says it is unchanged, never "internal error".
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, lac, tempRepo } from '../support/cli.ts';
import { files, LICENSE } from '../support/inventory.ts';
import { modelFiles, TODAY } from '../report/model.ts';

/** The fault to inject: which opened path fails, how, and at which step. */
const fault = vi.hoisted(() => ({ current: undefined as undefined | { match: RegExp; code: string; at: 'open' | 'write' } }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const fail = (code: string, path: string) => Object.assign(new Error(`${code}: injected fault, open '${path}'`), { code, errno: -1, syscall: 'open', path });
  const open: typeof real.open = async (path, flags, mode) => {
    const f = fault.current;
    if (f && f.match.test(String(path)) && f.at === 'open') throw fail(f.code, String(path));
    const fh = await real.open(path, flags, mode);
    if (f && f.match.test(String(path)) && f.at === 'write') {
      // Half the data reaches the disk, then the disk is full: what a real ENOSPC looks like.
      fh.writeFile = async (data) => {
        await fh.write(typeof data === 'string' ? data.slice(0, data.length >> 1) : String(data).slice(0, 10));
        throw fail(f.code, String(path));
      };
    }
    return fh;
  };
  const writeFile: typeof real.writeFile = async (path, data, options) => {
    const f = fault.current;
    if (f && f.match.test(String(path)) && f.at === 'open') throw fail(f.code, String(path));
    return real.writeFile(path, data, options);
  };
  return { ...real, open, writeFile, default: { ...real, open, writeFile } };
});

const dirs: string[] = [];
afterEach(() => {
  fault.current = undefined;
  dirs.splice(0).forEach(cleanup);
});
const repo = (fileMap: Record<string, string>) => {
  const dir = tempRepo(fileMap);
  dirs.push(dir);
  return dir;
};
/** Every file under a folder with its bytes, to assert that nothing changed (no temporary file left either). */
const tree = (dir: string) => Object.fromEntries((readdirSync(dir, { recursive: true }) as string[]).sort().map((p) => [p, (() => { try { return readFileSync(join(dir, p), 'utf8'); } catch { return '<dir>'; } })()]));

const SEATS = 'inventory/assignments/figma.yaml';

describe('injected file-system faults', () => {
  it('an unreadable inventory file (EACCES) is one plain finding and exit 2', async () => {
    const dir = repo(files());
    fault.current = { match: /assignments\/figma\.yaml$/, code: 'EACCES', at: 'open' };
    const r = await lac(['check', '--root', dir, '--today', TODAY]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${SEATS}:1:1  error  unreadable-file  cannot be read: permission denied\n    hint: give the user running lac read access to it (e.g. chmod a+r)\n1 error, 0 warnings, 0 notices\n`);
    expect(r.code).toBe(2);
  });

  it.each([
    ['ENOSPC', 'write', 'the disk is full', 'free some disk space and run again'],
    ['EACCES', 'open', 'permission denied', 'give the user running lac write access to the folder, and run again'],
    ['EPERM', 'open', 'the operation is not permitted', 'give the user running lac write access to the folder, and run again'],
    ['EROFS', 'open', 'the file system is read-only', 'run lac on a writable checkout'],
  ] as const)('lac reclaim: %s while editing the assignments file leaves it unchanged, with a plain message', async (code, at, reason, hint) => {
    const dir = repo(modelFiles());
    const before = tree(dir);
    fault.current = { match: /\.figma\.yaml\.lac-tmp-/, code, at };
    const r = await lac(['reclaim', '--root', dir, '--today', TODAY]);
    expect(r.stderr).toBe(`lac: cannot write ${SEATS}: ${reason}; ${SEATS} is unchanged\n  hint: ${hint}\n`);
    expect(r.code).toBe(2);
    expect(tree(dir)).toEqual(before);
  });

  it('lac pull: a full disk while writing the snapshot keeps the old one and says so', async () => {
    const license = `${LICENSE}usage:\n  source: csv\n  config: { path: exports/figma.csv, columns: { account: Email } }\n`;
    const dir = repo({ ...files({ 'inventory/licenses/figma.yaml': license }), 'exports/figma.csv': 'Email\nada@test.example\n' });
    expect((await lac(['pull', 'figma', '--root', dir])).code).toBe(0);
    const before = tree(dir);
    (await import('node:fs')).writeFileSync(join(dir, 'exports/figma.csv'), 'Email\nada@test.example\nbob@test.example\n');
    const changedBefore = tree(dir);
    fault.current = { match: /\.figma\.yaml\.lac-tmp-/, code: 'ENOSPC', at: 'write' };
    const r = await lac(['pull', 'figma', '--root', dir]);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('figma: failed: cannot write inventory/usage/figma.yaml: the disk is full\n    hint: free some disk space and run again\n    inventory/usage/figma.yaml is unchanged\n');
    expect(r.code).toBe(1);
    expect(tree(dir)).toEqual(changedBefore);
    expect(tree(dir)['inventory/usage/figma.yaml']).toBe(before['inventory/usage/figma.yaml']);
  });

  it('lac codeowners: a read-only file system names the file and writes nothing', async () => {
    const dir = repo(files());
    fault.current = { match: /CODEOWNERS\.lac-tmp-/, code: 'EROFS', at: 'open' };
    const r = await lac(['codeowners', '--root', dir, '--default', '@acme/it']);
    expect(r.stderr).toBe('lac: cannot write .github/CODEOWNERS: the file system is read-only; nothing was written\n  hint: run lac on a writable checkout\n');
    expect(r.code).toBe(2);
    expect(readdirSync(join(dir, '.github'))).toEqual([]);
  });

  it('lac init on a full disk says so, and takes back what it wrote', async () => {
    const dir = repo({});
    fault.current = { match: /README\.md$/, code: 'ENOSPC', at: 'open' };
    const r = await lac(['init', 'acme', '--tool', '^0.1.0', '--no-git'], { cwd: dir });
    expect(r).toEqual({ code: 2, stdout: '', stderr: `lac: cannot write README.md: the disk is full; nothing was written (in ${join(dir, 'acme')})\n  hint: free some disk space and run again\n` });
    expect(readdirSync(dir)).toEqual([]);
  });
});
