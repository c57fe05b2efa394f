// The one atomic writer (src/util/fs/atomic-write.ts) and its leftovers, in a real temporary folder.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/util/fs/atomic-write.ts';
import { isRunning, leftoverPid, tempName } from '../../src/util/fs/leftovers.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const folder = () => {
  const d = mkdtempSync(join(tmpdir(), 'lac-atomic-'));
  dirs.push(d);
  return d;
};

describe('writeFileAtomic', () => {
  it('keeps the mode of the file it replaces', async () => {
    const dir = folder();
    const file = join(dir, 'seats.yaml');
    writeFileSync(file, 'old\n');
    chmodSync(file, 0o640);
    await writeFileAtomic(file, 'new\n');
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('replaces a symbolic link in place and never writes through it to the file it points at', async () => {
    const dir = folder();
    const outside = join(folder(), 'victim');
    writeFileSync(outside, 'precious\n');
    symlinkSync(outside, join(dir, 'figma.yaml'));
    await writeFileAtomic(join(dir, 'figma.yaml'), 'snapshot\n');
    expect(readFileSync(outside, 'utf8')).toBe('precious\n');
    expect(statSync(join(dir, 'figma.yaml')).isFile()).toBe(true);
    expect(readFileSync(join(dir, 'figma.yaml'), 'utf8')).toBe('snapshot\n');
  });

  it('removes the temporary files of dead processes beside the target, but not those of running ones', async () => {
    const dir = folder();
    const file = join(dir, 'figma.yaml');
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      const dead = await new Promise<number>((resolve) => {
        const c = spawn(process.execPath, ['-e', '0']);
        c.on('exit', () => resolve(c.pid!));
      });
      const deadName = `.figma.yaml.lac-tmp-${dead}-00000000`;
      const liveName = `.figma.yaml.lac-tmp-${sleeper.pid}-00000000`;
      const otherName = `.other.yaml.lac-tmp-${dead}-00000000`;
      for (const n of [deadName, liveName, otherName]) writeFileSync(join(dir, n), 'half');
      expect(leftoverPid(deadName, 'figma.yaml')).toBe(dead);
      expect(isRunning(dead)).toBe(false);
      await writeFileAtomic(file, 'x\n');
      expect(readdirSync(dir).sort()).toEqual([liveName, otherName, 'figma.yaml'].sort());
    } finally {
      sleeper.kill('SIGKILL');
    }
  });

  it('names its temporary file as a dot file the inventory loader ignores', () => {
    expect(tempName('figma.yaml')).toMatch(new RegExp(`^\\.figma\\.yaml\\.lac-tmp-${process.pid}-[0-9a-f]{8}$`));
  });
});
