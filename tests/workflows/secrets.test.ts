// Every secret a workflow passes is read by the code, the code reads no secret the workflows do
// not pass, and the README that `lac init` writes documents exactly those.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LICENSE_WORKFLOWS } from '../../src/init/plan.ts';
import { SECRET_DOCS } from '../../src/init/secrets.ts';
import { directoryRegistry } from '../../src/directory/registry.ts';
import { registry } from '../../src/usage/registry.ts';
import { REPO_ROOT } from '../support/cli.ts';

/** `secrets.X` named anywhere in the license-repository workflows. */
const passed = new Set(LICENSE_WORKFLOWS.flatMap((f) => [...readFileSync(join(REPO_ROOT, '.github/workflows', f), 'utf8').matchAll(/\$\{\{\s*secrets\.([A-Z0-9_]+)\s*\}\}/g)].map((m) => m[1]!)));
/** What the usage and directory sources read from the environment, less what GitHub itself sets for every job. */
const read = new Set([...registry.values(), ...directoryRegistry.values()].flatMap((c) => c.env).filter((name) => !['GITHUB_TOKEN', 'GITHUB_API_URL'].includes(name)));

describe('secrets', () => {
  it('the workflows pass exactly the secrets the usage sources read', () => {
    expect([...passed].sort()).toEqual([...read].sort());
  });

  it('the GitHub usage sources read the org-scoped LAC_GITHUB_USAGE_TOKEN that the usage workflow passes', () => {
    expect(registry.get('github-copilot')!.env).toContain('LAC_GITHUB_USAGE_TOKEN');
    expect(registry.get('github-enterprise')!.env).toContain('LAC_GITHUB_USAGE_TOKEN');
  });

  it('the README lac init writes documents each of them, with the workflow that passes it', () => {
    expect(SECRET_DOCS.map((s) => s.name).sort()).toEqual([...passed].sort());
    for (const s of SECRET_DOCS) {
      const documented = s.workflow.split(', ').map((w) => `${w}.yml`).sort();
      const passing = LICENSE_WORKFLOWS.filter((f) => readFileSync(join(REPO_ROOT, '.github/workflows', f), 'utf8').includes(`secrets.${s.name}`)).sort();
      expect(documented, s.name).toEqual(passing);
    }
  });
});
