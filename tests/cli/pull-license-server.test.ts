// A concurrent license measured by its license server (issue 17): `lac pull` reads a FlexNet
// debug log committed to the repository, writes per-tier peaks with denials, and `lac check`
// finds the peak over the entitlement and the denials at their lines in the snapshot.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, lac, tempRepo } from '../support/cli.ts';
import { files, LICENSE } from '../support/inventory.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(cleanup));

const license = (path: string) =>
  `${LICENSE.replace('type: subscription', 'type: concurrent')}usage:\n  source: flexnet\n  config: { path: ${JSON.stringify(path)} }\n  features: { figma_design: full }\n`;

// Line shapes from the FlexNet Publisher License Administration Guide ("Debug Log Messages", "Informational Messages").
const LOG = [
  ' 8:00:00 (lmgrd) FlexNet Licensing (v11.19.0.0 build 283773 x64_lsb) started on lic1 (linux) (3/9/2026)',
  ' 9:00:00 (FIG) OUT: "figma_design" ada@pc-ada',
  ' 9:01:00 (FIG) OUT: "figma_design" bob@pc-bob',
  ' 9:02:00 (FIG) OUT: "figma_design" cy@pc-cy',
  ' 9:03:00 (FIG) DENIED: "figma_design" dee@pc-dee  (Licensed number of users already reached. (-4,342))',
  '10:00:00 (FIG) IN: "figma_design" cy@pc-cy',
  '10:30:00 (FIG) IN: "figma_design" bob@pc-bob',
  '11:00:00 (FIG) IN: "figma_design" ada@pc-ada',
];

describe('lac pull from a FlexNet debug log', () => {
  it('writes per-tier peaks and check reports the peak over the entitlement and the denials', async () => {
    const dir = tempRepo({ ...files(), 'inventory/licenses/figma.yaml': license('usage/license-servers/lmgrd.log') });
    dirs.push(dir);
    mkdirSync(join(dir, 'usage/license-servers'), { recursive: true });
    writeFileSync(join(dir, 'usage/license-servers/lmgrd.log'), `${LOG.join('\n')}\n`);
    const pull = await lac(['pull', 'figma', '--root', dir, '--today', '2026-03-10']);
    expect(pull.stderr).toBe('');
    expect(pull.code).toBe(0);
    const snapshot = readFileSync(join(dir, 'inventory/usage/figma.yaml'), 'utf8');
    expect(snapshot).toContain('source: flexnet\n');
    expect(snapshot).toContain('peaks:\n  - { date: 2026-03-09, tier: full, in_use: 3, hours: 4.5, users: 3, denials: 1 }\naccounts:\n');
    const check = await lac(['check', '--root', dir, '--today', '2026-03-10']);
    const lines = check.stdout.split('\n').filter((l) => l.includes('concurrent-'));
    expect(lines).toEqual([
      'inventory/usage/figma.yaml:7:45  error  concurrent-peak-exceeds-entitlement  figma full: 3 in use at once on 2026-03-09, 2 entitled; over on 1 day',
      'inventory/usage/figma.yaml:7:79  warning  concurrent-denials  figma full: 1 checkout refused for a full pool on 1 day in the last 90 days (most on 2026-03-09: 1)',
    ]);
    expect(check.code).toBe(1);
  });

  it('refuses a path that leads out of the repository, at its line in the license file', async () => {
    const dir = tempRepo({ ...files(), 'inventory/licenses/figma.yaml': license('../../etc/lmgrd.log') });
    dirs.push(dir);
    const pull = await lac(['pull', 'figma', '--root', dir, '--today', '2026-03-10']);
    expect(pull.stderr).toContain('figma: failed: inventory/licenses/figma.yaml:11:19: usage.config.path "../../etc/lmgrd.log" leads outside the repository');
    expect(pull.code).toBe(1);
    const dir2 = tempRepo({ ...files(), 'inventory/licenses/figma.yaml': license('x').replace('{ path: "x" }', '{ paths: [usage/lic1.log, ../../etc/lic2.log] }') });
    dirs.push(dir2);
    const paths = await lac(['pull', 'figma', '--root', dir2, '--today', '2026-03-10']);
    expect(paths.stderr).toContain('figma: failed: inventory/licenses/figma.yaml:11:37: usage.config.paths[1] "../../etc/lic2.log" leads outside the repository');
    expect(paths.code).toBe(1);
  });
});
