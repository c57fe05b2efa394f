// What `lac init` copies from the package must ship in it: package.json `files` lists the
// workflows and issue forms one by one, so a new one forgotten there breaks `lac init` only once
// packed. This catches it without packing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISSUE_FORMS, LICENSE_WORKFLOWS } from '../../src/init/plan.ts';
import { REPO_ROOT } from '../support/cli.ts';

const files = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { files: string[] }).files;

describe('package.json files', () => {
  it('ships every workflow and issue form lac init writes, and no other workflow', () => {
    for (const w of LICENSE_WORKFLOWS) expect(files, w).toContain(`.github/workflows/${w}`);
    for (const f of ISSUE_FORMS) expect(files, f).toContain(`.github/ISSUE_TEMPLATE/${f}`);
    expect(files.filter((f) => f.startsWith('.github/workflows/')).sort()).toEqual(LICENSE_WORKFLOWS.map((w) => `.github/workflows/${w}`).sort());
  });
});
