// Usage snapshots in the generator (issue 16's "XL" org: 100,000 people, 425,000 accounts), at small sizes.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInventory } from '../../src/inventory/load.ts';
import { fsSource } from '../../src/inventory/source.ts';
import { synthesize, synthesizeTo } from '../../src/synth/index.ts';
import { lac } from '../support/cli.ts';

const usageFiles = (files: Map<string, string>) => [...files.keys()].filter((p) => p.startsWith('inventory/usage/'));
const withoutUsage = (files: Map<string, string>) => [...files].filter(([p]) => !p.startsWith('inventory/usage/'));

describe('synthesize with usage snapshots', () => {
  it('writes none by default, and asking for them changes no other file', () => {
    const plain = synthesize({ people: 1500, seed: 9 });
    const withUsage = synthesize({ people: 1500, seed: 9, usageAccounts: 4000 });
    expect(usageFiles(plain.files)).toEqual([]);
    expect(plain.stats.usageAccounts).toBe(0);
    expect(usageFiles(withUsage.files).length).toBeGreaterThan(0);
    expect(withoutUsage(withUsage.files)).toEqual(withoutUsage(plain.files));
  });

  it('has exactly the accounts asked for, the same bytes for the same seed, each matched account a holder of a seat of its tier', () => {
    for (const usageAccounts of [1, 2500, 12_000]) {
      const org = synthesize({ people: 1000, seed: 4, usageAccounts });
      expect(org.records.usage.reduce((a, u) => a + u.accounts.length, 0)).toBe(usageAccounts);
      expect(org.stats.usageAccounts).toBe(usageAccounts);
      if (usageAccounts === 2500) expect(synthesize({ people: 1000, seed: 4, usageAccounts }).files).toEqual(org.files);
      const seats = new Map(org.records.seats.map((s) => [s.license, new Map(s.seats.map((x) => [x.person, x.tier]))]));
      for (const u of org.records.usage) {
        expect(org.records.licenses.find((l) => l.id === u.license)?.usage?.source).toBe(u.source);
        for (const a of u.accounts.filter((x) => x.person !== undefined)) expect(seats.get(u.license)?.get(a.person), `${u.license} ${a.account}`).toBe(a.tier);
      }
    }
  });

  it('covers each pulled license\'s holders in turn, then adds accounts that match no one', () => {
    const org = synthesize({ people: 1000, seed: 4, usageAccounts: 12_000, problems: false });
    const holders = new Map(org.records.seats.map((s) => [s.license, s.seats.length]));
    for (const u of org.records.usage) {
      expect(u.accounts.filter((a) => a.person !== undefined).length).toBe(holders.get(u.license));
      expect(u.accounts.some((a) => a.person === undefined)).toBe(true);
    }
  });

  it('passes lac check: every snapshot schema-valid, read by the line scanner, findings only warnings about usage', async () => {
    const root = await mkdtemp(join(tmpdir(), 'lac-synth-usage-'));
    try {
      const org = await synthesizeTo(root, { people: 1500, seed: 6, usageAccounts: 6000, problems: false });
      const loaded = await loadInventory(fsSource(root));
      expect(loaded.findings).toEqual([]);
      expect(loaded.parsers).toEqual({ lines: org.stats.files, yaml: 0 });
      expect(loaded.inventory.usage.size).toBe(usageFiles(org.files).length);
      const r = await lac(['check', '--root', root, '--format', 'json', '--today', '2026-11-23']);
      expect(r.code, r.stderr).toBe(0);
      const { findings } = JSON.parse(r.stdout) as { findings: { rule: string; severity: string }[] };
      expect(new Set(findings.map((f) => `${f.rule} ${f.severity}`))).toEqual(new Set(['inactive-seat warning', 'unassigned-account warning']));
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
