// A child process for the kill tests: rewrites a file (or a folder) again and again with the real
// writers, alternating two versions, until it is killed. Prints "ready" once before the first write.
// Usage: node atomic-child.ts file TARGET A B   |   node atomic-child.ts dir TARGET A B
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { writeFileAtomic } from '../../src/util/fs/atomic-write.ts';
import { replaceDir } from '../../src/site/out-dir.ts';

const [mode, target, a, b] = process.argv.slice(2) as [string, string, string, string];
if (mode === 'file') {
  const versions = [await readFile(a), await readFile(b)];
  process.stdout.write('ready\n');
  for (let i = 0; ; i++) await writeFileAtomic(target, versions[i % 2]!);
} else {
  process.stdout.write('ready\n');
  for (let i = 0; ; i++) {
    // The build folder, as Astro leaves it: elsewhere, then moved into place.
    const built = join(tmpdir(), `lac-kill-build-${process.pid}-${i}`);
    await cp(i % 2 ? b : a, built, { recursive: true });
    await replaceDir(built, target);
  }
}
