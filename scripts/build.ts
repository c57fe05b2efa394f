// Builds dist/, the code the package ships and `lac` runs: a clean compile of src/ plus the files
// that compiled modules read at run time (templates), copied to the same place beside them.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VALIDATORS_MODULE, validatorsModuleSource } from '../src/inventory/validators-module.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');

/** Files under src/ that code reads at run time: everything but TypeScript and folder READMEs. */
const isAsset = (name: string) => !name.endsWith('.ts') && name !== 'README.md';

// A clean build: a module removed from src/ must not live on in dist/.
rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !isAsset(entry.name)) continue;
  const from = join(entry.parentPath, entry.name);
  cpSync(from, join(dist, relative(src, from)));
}
// The schemas compiled once here rather than at every run (src/inventory/validators-module.ts).
writeFileSync(join(dist, 'inventory', VALIDATORS_MODULE), validatorsModuleSource());
// bin/lac.js compares this stamp with src/ in a checkout, so a stale build is never run.
writeFileSync(join(dist, '.build-stamp'), `${Date.now()}\n`);
