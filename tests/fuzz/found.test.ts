// Crashes the fuzzing test found (tests/fuzz/inventory.test.ts), each kept as a plain case.
import { afterEach, describe, expect, it } from 'vitest';
import { buildSiteInput } from '../../src/site/input.ts';
import { siteFromInput } from '../../src/site/site-data.ts';
import { cleanup, lac, tempRepo } from '../support/cli.ts';
import { CONTRACT, files } from '../support/inventory.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(cleanup));
const repo = (overrides: Record<string, string>) => {
  const dir = tempRepo(files(overrides));
  dirs.push(dir);
  return dir;
};

const USAGE = `license: figma
source: csv
taken: 2026-03-09T06:00:00Z
accounts:
  - { account: ada@test.example, person: ada, tier: full, status: active, last_active: 2026-03-08; }
  - { account: bob@test.example, person: bob, tier: viewer, status: active, last_active: 2026-03-01 }
`;

describe('what the fuzzer found', () => {
  it('a usage snapshot with one damaged date is reported and left out, not read by the analyses', async () => {
    const dir = repo({ 'inventory/usage/figma.yaml': USAGE });
    const check = await lac(['check', '--today', '2026-03-10', '--root', dir]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('inventory/usage/figma.yaml:5:');
    expect(check.stdout).toContain('accounts[0].last_active is "2026-03-08;"');
    for (const step of [['report'], ['reclaim', '--dry-run'], ['renewals']]) {
      const r = await lac([...step, '--today', '2026-03-10', '--root', dir]);
      expect(r.stderr, step[0]).toBe('');
      expect(r.code, step[0]).toBe(0);
    }
  });

  it('a unit price written as a number too large for a decimal form (1e308) fails the schema', async () => {
    const dir = repo({ 'inventory/contracts/figma-2026.yaml': CONTRACT.replace('unit_price: "540.00"', 'unit_price: 1e308') });
    const check = await lac(['check', '--today', '2026-03-10', '--root', dir]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/inventory\/contracts\/figma-2026\.yaml:\d+:\d+ {2}error {2}schema {2}lines\[0\]\.unit_price/);
    const site = siteFromInput(await buildSiteInput({ root: dir, today: '2026-03-10' }));
    expect(site.model.findings.some((f) => f.file === 'inventory/contracts/figma-2026.yaml')).toBe(true);
    expect((await lac(['report', '--today', '2026-03-10', '--root', dir])).code).toBe(0);
  });

  it('a contract that ends on 9999-12-31 and renews by itself: its renewal and cancel-by dates stay at 9999-12-31', async () => {
    const dir = repo({ 'inventory/contracts/figma-2026.yaml': CONTRACT.replace('end: 2026-12-31', 'end: 9999-12-31') });
    for (const step of [['check'], ['report'], ['renewals', '--within', '99999'], ['reclaim', '--dry-run']]) {
      const r = await lac([...step, '--today', '2026-03-10', '--root', dir]);
      expect(r.stderr, step[0]).toBe('');
      expect(r.code, step[0]).toBe(0);
    }
    const renewals = await lac(['renewals', '--format', 'json', '--today', '9999-11-20', '--root', dir]);
    const [r] = (JSON.parse(renewals.stdout) as { renewals: { renewal_date: string; cancel_by: string }[] }).renewals;
    expect([r!.renewal_date, r!.cancel_by]).toEqual(['9999-12-31', '9999-12-01']);
  });
});
