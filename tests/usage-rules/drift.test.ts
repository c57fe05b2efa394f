import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/check/run.ts';
import { loadInventory } from '../../src/inventory/load.ts';
import { memorySource } from '../../src/inventory/memory-source.ts';
import { USAGE_RULES } from '../../src/rules/usage/index.ts';
import { files } from '../support/inventory.ts';

async function findings(rule: string, overrides: Record<string, string | null>, today = '2026-03-10') {
  const { inventory, findings: load } = await loadInventory(memorySource(files(overrides)));
  expect(load).toEqual([]);
  return runRules(inventory, today, USAGE_RULES)
    .filter((f) => f.rule === rule)
    .map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`);
}

const snapshot = (accounts: string[], extra = '') =>
  `license: figma\nsource: csv\ntaken: 2026-03-09T06:00:00Z\n${extra}accounts:\n${accounts.map((a) => `  - ${a}\n`).join('')}`;
const ADA = '{ account: ada@test.example, person: ada, tier: full, status: active, last_active: 2026-03-08 }';
const BOB = '{ account: bob@test.example, person: bob, tier: viewer, status: active, last_active: 2026-03-01 }';

describe('drift between inventory and usage snapshot', () => {
  it('is silent where no snapshot exists, and where the snapshot agrees', async () => {
    for (const rule of USAGE_RULES.map((r) => r.id)) {
      expect(await findings(rule, {})).toEqual([]);
      expect(await findings(rule, { 'inventory/usage/figma.yaml': snapshot([ADA, BOB]) })).toEqual([]);
    }
  });

  it('unassigned-account: an account with no seat, matched or not', async () => {
    const usage = snapshot([ADA, BOB, '{ account: cy@test.example, person: cy, tier: full, status: active, last_active: 2026-03-02 }', '{ account: ghost@else.example, tier: full, last_active: null }', '{ account: gone@else.example, status: deactivated }']);
    expect(await findings('unassigned-account', { 'inventory/usage/figma.yaml': usage })).toEqual([
      'inventory/usage/figma.yaml:7:16 warning cy@test.example (cy) has a figma account (full) but no seat in inventory/assignments/figma.yaml',
      'inventory/usage/figma.yaml:8:16 warning ghost@else.example (matches nobody in people.yaml) has a figma account (full) but no seat in inventory/assignments/figma.yaml',
    ]);
  });

  it('unassigned-account: the same when the snapshot has fewer accounts than the file has seats (looked up the other way)', async () => {
    const cy = '{ account: cy@test.example, person: cy, tier: full, status: active, last_active: 2026-03-02 }';
    expect(await findings('unassigned-account', { 'inventory/usage/figma.yaml': snapshot([cy]) })).toEqual([
      'inventory/usage/figma.yaml:5:16 warning cy@test.example (cy) has a figma account (full) but no seat in inventory/assignments/figma.yaml',
    ]);
    expect(await findings('unassigned-account', { 'inventory/usage/figma.yaml': snapshot([BOB]) })).toEqual([]);
    expect(await findings('unassigned-account', { 'inventory/usage/figma.yaml': snapshot(['{ account: ghost@else.example, tier: full }']) })).toEqual([
      'inventory/usage/figma.yaml:5:16 warning ghost@else.example (matches nobody in people.yaml) has a figma account (full) but no seat in inventory/assignments/figma.yaml',
    ]);
  });

  it('assigned-without-account: a seat whose holder has no account', async () => {
    expect(await findings('assigned-without-account', { 'inventory/usage/figma.yaml': snapshot([ADA]) })).toEqual([
      'inventory/assignments/figma.yaml:4:15 warning bob holds a figma viewer seat but has no account in the snapshot of 2026-03-09',
    ]);
  });

  it('tier-mismatch: the vendor reports another known tier', async () => {
    const usage = snapshot([ADA, BOB.replace('tier: viewer', 'tier: full')]);
    expect(await findings('tier-mismatch', { 'inventory/usage/figma.yaml': usage })).toEqual([
      'inventory/assignments/figma.yaml:4:26 warning bob holds viewer in the inventory but full at the vendor (snapshot of 2026-03-09)',
    ]);
    const unknownTier = snapshot([ADA, BOB.replace('tier: viewer', 'tier: Enterprise')]);
    expect(await findings('tier-mismatch', { 'inventory/usage/figma.yaml': unknownTier })).toEqual([]);
  });

  it('inactive-seat: past the policy, never used, or disabled; the license policy overrides the org', async () => {
    const usage = snapshot([ADA.replace('2026-03-08', '2025-12-01'), BOB.replace('last_active: 2026-03-01', 'last_active: null')]);
    // Viewer seats cost 12.00 here, so an idle one counts.
    const paid = { 'inventory/contracts/figma-2026.yaml': files()['inventory/contracts/figma-2026.yaml']!.replace('unit_price: "0"', 'unit_price: "12.00"') };
    expect(await findings('inactive-seat', { ...paid, 'inventory/usage/figma.yaml': usage })).toEqual([
      "inventory/assignments/figma.yaml:3:15 warning ada's figma full seat: last active 2025-12-01 (99 days ago); the policy allows 60 days",
      // bob's seat dates from 2026-01-05: 64 days held and never used.
      "inventory/assignments/figma.yaml:4:15 warning bob's figma viewer seat: never used in 64 days held; the policy allows 60 days",
    ]);
    // Four days earlier, bob's never-used seat is still within the 60 days.
    expect(await findings('inactive-seat', { ...paid, 'inventory/usage/figma.yaml': usage }, '2026-03-05')).toHaveLength(1);
    const strict = `${files()['inventory/licenses/figma.yaml']}reclaim: { inactive_days: 100 }\n`;
    expect(await findings('inactive-seat', { 'inventory/usage/figma.yaml': usage, 'inventory/licenses/figma.yaml': strict })).toEqual([]);
    const suspended = snapshot([ADA.replace('status: active', 'status: suspended'), BOB]);
    expect(await findings('inactive-seat', { 'inventory/usage/figma.yaml': suspended })).toEqual([
      "inventory/assignments/figma.yaml:3:15 warning ada's figma full seat: its account is suspended; the policy allows 60 days",
    ]);
  });

  it('concurrent-peak-exceeds-entitlement: the worst day over the concurrent entitlement', async () => {
    const license = files()['inventory/licenses/figma.yaml']!.replace('type: subscription', 'type: concurrent');
    const peaks = 'peaks:\n  - { date: 2026-03-01, in_use: 2 }\n  - { date: 2026-03-02, in_use: 3 }\n  - { date: 2026-03-03, in_use: 2 }\n';
    const contract = files()['inventory/contracts/figma-2026.yaml']!.replace('quantity: unlimited', 'quantity: 0');
    const overrides = { 'inventory/licenses/figma.yaml': license, 'inventory/contracts/figma-2026.yaml': contract };
    expect(await findings('concurrent-peak-exceeds-entitlement', { ...overrides, 'inventory/usage/figma.yaml': snapshot([ADA, BOB], peaks) })).toEqual([
      'inventory/usage/figma.yaml:6:33 error figma: 3 in use at once on 2026-03-02, 2 entitled; over on 1 day',
    ]);
    expect(await findings('concurrent-peak-exceeds-entitlement', { ...overrides, 'inventory/usage/figma.yaml': snapshot([ADA, BOB], peaks.replace('in_use: 3', 'in_use: 2')) })).toEqual([]);
  });

  it('concurrent-peak-exceeds-entitlement: peaks per tier (license servers) against that tier\'s entitlement', async () => {
    const license = files()['inventory/licenses/figma.yaml']!.replace('type: subscription', 'type: concurrent');
    // The contract entitles 2 full seats and unlimited viewer seats.
    const peaks = 'peaks:\n  - { date: 2026-03-01, tier: full, in_use: 2 }\n  - { date: 2026-03-01, tier: viewer, in_use: 9 }\n  - { date: 2026-03-02, tier: full, in_use: 3, hours: 20.5, users: 4, denials: 0 }\n';
    expect(await findings('concurrent-peak-exceeds-entitlement', { 'inventory/licenses/figma.yaml': license, 'inventory/usage/figma.yaml': snapshot([ADA, BOB], peaks) })).toEqual([
      'inventory/usage/figma.yaml:7:45 error figma full: 3 in use at once on 2026-03-02, 2 entitled; over on 1 day',
    ]);
  });

  it('concurrent-denials: checkouts refused for a full pool within the usage window', async () => {
    const peaks = 'peaks:\n  - { date: 2025-11-01, tier: full, in_use: 2, denials: 9 }\n  - { date: 2026-03-01, tier: full, in_use: 2, denials: 1 }\n  - { date: 2026-03-02, tier: full, in_use: 2, denials: 3 }\n  - { date: 2026-03-02, tier: viewer, in_use: 1, denials: 0 }\n';
    expect(await findings('concurrent-denials', { 'inventory/usage/figma.yaml': snapshot([ADA, BOB], peaks) })).toEqual([
      // The denials of 2025-11-01 are older than the 90-day window and do not count.
      'inventory/usage/figma.yaml:7:57 warning figma full: 4 checkouts refused for a full pool on 2 days in the last 90 days (most on 2026-03-02: 3)',
    ]);
    expect(await findings('concurrent-denials', { 'inventory/usage/figma.yaml': snapshot([ADA, BOB], peaks) }, '2026-07-01')).toEqual([]);
  });
});

describe('inactive-seat and free tiers', () => {
  it('does not flag an idle seat of a tier every contract line prices at zero', async () => {
    const idleViewer = snapshot([ADA, BOB.replace('last_active: 2026-03-01', 'last_active: 2025-10-01')]);
    expect(await findings('inactive-seat', { 'inventory/usage/figma.yaml': idleViewer })).toEqual([]);
    const paidViewer = files()['inventory/contracts/figma-2026.yaml']!.replace('unit_price: "0"', 'unit_price: "12.00"');
    expect(await findings('inactive-seat', { 'inventory/usage/figma.yaml': idleViewer, 'inventory/contracts/figma-2026.yaml': paidViewer })).toHaveLength(1);
  });
});
