// bin/lac.js never runs a dist/ older than the sources beside it: in a checkout it rebuilds first.
// Exercised on a copy of bin/lac.js in a miniature checkout whose build script only records that
// it ran, so the real dist/ is not touched while other tests use it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A checkout with src/a.ts, a build script that writes dist/ and a marker, and dist/ built at `builtAt`. */
function checkout(o: { builtAt?: number; srcAt: number; typescript?: boolean }): string {
  const dir = mkdtempSync(join(tmpdir(), 'lac-stale-'));
  dirs.push(dir);
  for (const d of ['bin', 'src', 'scripts', 'dist/cli', ...(o.typescript === false ? [] : ['node_modules/typescript'])]) mkdirSync(join(dir, d), { recursive: true });
  copyFileSync(join(REPO_ROOT, 'bin/lac.js'), join(dir, 'bin/lac.js'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  const main = (label: string) => `export async function main() { process.stdout.write('${label}\\n'); return 0; }\n`;
  writeFileSync(join(dir, 'scripts/build.ts'), `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(join(dir, 'dist/cli/main.js'))}, ${JSON.stringify(main('fresh build'))});\nwriteFileSync(${JSON.stringify(join(dir, 'dist/.build-stamp'))}, 'x');\nwriteFileSync(${JSON.stringify(join(dir, 'built'))}, 'yes');\n`);
  writeFileSync(join(dir, 'src/a.ts'), 'export {};\n');
  utimesSync(join(dir, 'src/a.ts'), o.srcAt, o.srcAt);
  writeFileSync(join(dir, 'dist/cli/main.js'), main('old build'));
  if (o.builtAt !== undefined) {
    writeFileSync(join(dir, 'dist/.build-stamp'), 'x');
    utimesSync(join(dir, 'dist/.build-stamp'), o.builtAt, o.builtAt);
  }
  return dir;
}

const lac = (dir: string) => spawnSync(process.execPath, [join(dir, 'bin/lac.js')], { cwd: dir, encoding: 'utf8', timeout: 60_000 });

describe('bin/lac.js in a checkout', () => {
  it('runs dist/ as it is when it is newer than every source file', () => {
    const dir = checkout({ builtAt: 2_000_000_000, srcAt: 1_000_000_000 });
    expect(lac(dir)).toMatchObject({ status: 0, stdout: 'old build\n', stderr: '' });
    expect(existsSync(join(dir, 'built'))).toBe(false);
  });

  it('rebuilds first when a source file is newer than the build, or there is no build', () => {
    for (const builtAt of [1_000_000_000, undefined]) {
      const dir = checkout({ builtAt, srcAt: 2_000_000_000 });
      expect(lac(dir)).toMatchObject({ status: 0, stdout: 'fresh build\n', stderr: 'lac: src/ changed since the last build; building dist/ first\n' });
      expect(existsSync(join(dir, 'built'))).toBe(true);
    }
  });

  it('finds a changed source file deep in a sub-folder of src/', () => {
    const dir = checkout({ builtAt: 1_500_000_000, srcAt: 1_000_000_000 });
    mkdirSync(join(dir, 'src/cli/actions'), { recursive: true });
    writeFileSync(join(dir, 'src/cli/actions/b.ts'), 'export {};\n');
    utimesSync(join(dir, 'src/cli/actions/b.ts'), 2_000_000_000, 2_000_000_000);
    expect(lac(dir)).toMatchObject({ status: 0, stdout: 'fresh build\n' });
  });

  it('refuses a stale build in one line when TypeScript is not installed to rebuild it', () => {
    const dir = checkout({ builtAt: 1_000_000_000, srcAt: 2_000_000_000, typescript: false });
    expect(lac(dir)).toMatchObject({ status: 2, stdout: '', stderr: 'lac: dist/ is missing or older than src/, and TypeScript is not installed to build it: run `npm install` in the lac checkout\n' });
  });

  it('an installed package (no src/) runs its dist/ without looking further', () => {
    const dir = checkout({ srcAt: 2_000_000_000 });
    rmSync(join(dir, 'src'), { recursive: true });
    expect(lac(dir)).toMatchObject({ status: 0, stdout: 'old build\n' });
  });
});
