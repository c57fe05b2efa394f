// A repository whose files do not all pass: the site still builds and shows the findings.
import { execFileSync } from 'node:child_process';
import { rmSync, symlinkSync } from 'node:fs';
import { afterAll, expect, test } from 'vitest';
import { buildSiteInput } from '../../src/site/input.ts';
import { siteFromInput } from '../../src/site/site-data.ts';
import { tempRepo } from '../support/cli.ts';
import { files } from '../support/inventory.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

test('no org.yaml, a license that fails its schema, a contract in a currency without a rate', async () => {
  const root = tempRepo(files({
    'inventory/org.yaml': null,
    'inventory/licenses/figma.yaml': 'id: figma\nname: Figma\n',
    'inventory/contracts/other.yaml': 'id: other\nvendor: figma\ncurrency: GBP\nstart: 2026-01-01\nend: 2026-12-31\nlines:\n  - { license: figma, tier: full, quantity: 1, unit_price: "10" }\n',
  }));
  dirs.push(root);
  const site = siteFromInput(await buildSiteInput({ root, today: '2026-03-10' }));
  expect(site.model.org.name).toBe('Unnamed organization');
  expect(site.model.licenses).toEqual([]);
  expect(site.model.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['missing-file', 'unknown-reference']));
  expect(site.pages.map((p) => p.route)).toEqual(expect.arrayContaining(['/', '/compliance/', '/contracts/other/', '/people/']));
  // With its license unreadable nobody holds a seat, and without git nobody had a change: people are rows of the list, without a page (issue 16).
  expect(site.pages.map((p) => p.route)).not.toContain('/people/ada/');
  expect(site.tables['people-page-1']!.rows.find((r) => r[1] === 'ada')![0]).toEqual({ text: 'Ada Lovelace', id: 'ada', email: 'ada@test.example' });
});

test('entries that are not regular files: reported as findings, left out of the source view, never read', async () => {
  const root = tempRepo(files());
  dirs.push(root);
  symlinkSync('/dev/zero', `${root}/inventory/vendors/zero.yaml`);
  execFileSync('mkfifo', [`${root}/inventory/vendors/pipe.yaml`]);
  const input = await buildSiteInput({ root, today: '2026-03-10' });
  expect(input.model.findings.filter((f) => f.rule === 'unreadable-file').map((f) => f.file)).toEqual(['inventory/vendors/pipe.yaml', 'inventory/vendors/zero.yaml']);
  expect(Object.keys(input.sources ?? {})).not.toContain('inventory/vendors/zero.yaml');
  expect(Object.keys(input.sources ?? {})).toContain('inventory/vendors/figma.yaml');
});
