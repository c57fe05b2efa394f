import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check/run.ts';
import { loadInventory } from '../../src/inventory/load.ts';
import { memorySource } from '../../src/inventory/memory-source.ts';
import { fsSource } from '../../src/inventory/source.ts';
import { FILE_CHECKS } from '../../src/rules/index.ts';
import { licenseCount, synthesize, synthesizeTo } from '../../src/synth/index.ts';

const digest = (files: Map<string, string>) => {
  const h = createHash('sha256');
  for (const [path, text] of files) h.update(`${path}\0${text}\0`);
  return h.digest('hex');
};
const fileRules = new Set(FILE_CHECKS.map((c) => c.id));

describe('synthesize', () => {
  it('gives the same bytes for the same seed, and different bytes for another', () => {
    const a = synthesize({ people: 2000, seed: 7 });
    const b = synthesize({ people: 2000, seed: 7 });
    const c = synthesize({ people: 2000, seed: 8 });
    expect(digest(a.files)).toBe(digest(b.files));
    expect(digest(c.files)).not.toBe(digest(a.files));
  });

  it('writes a 500-person org that loads through the real loader with no file findings', async () => {
    const root = await mkdtemp(join(tmpdir(), 'lac-synth-'));
    try {
      const org = await synthesizeTo(root, { people: 500, seed: 3 });
      const loaded = await loadInventory(fsSource(root));
      expect(loaded.findings).toEqual([]);
      // Every file takes a line scanner, none the yaml fallback.
      expect(loaded.parsers).toEqual({ lines: org.stats.files, yaml: 0 });
      expect(await readFile(join(root, 'inventory/people.yaml'), 'utf8')).toBe(org.files.get('inventory/people.yaml'));
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('has the counts that were asked for, as the loader sees them', async () => {
    for (const people of [500, 3000]) {
      const org = synthesize({ people, seed: 11 });
      const { inventory, findings } = await loadInventory(memorySource(Object.fromEntries(org.files)));
      expect(findings.filter((f) => fileRules.has(f.rule))).toEqual([]);
      expect(inventory.people.size).toBe(people);
      expect(inventory.licenses.size).toBe(licenseCount(people));
      expect(org.stats.licenses).toBe(licenseCount(people));
      expect(inventory.contracts.size).toBe(org.stats.contracts);
      const seats = [...inventory.assignments.values()].reduce((n, l) => n + l.seats.length, 0);
      expect(seats).toBe(org.stats.seats);
      expect(org.stats.files).toBe(org.files.size);
    }
  });

  it('gives about ten seats per person once there are enough licenses, skewed to a few', () => {
    const org = synthesize({ people: 10_000, seed: 1 });
    expect(org.stats.seats / 10_000).toBeGreaterThan(9.5);
    expect(org.stats.seats / 10_000).toBeLessThan(10.5);
    const sizes = org.records.seats.map((s) => s.seats.length).sort((a, b) => b - a);
    const top5 = sizes.slice(0, 5).reduce((a, b) => a + b, 0);
    expect(top5 / org.stats.seats).toBeGreaterThan(0.3);
    expect(sizes[sizes.length - 1]).toBeLessThan(sizes[0]! / 20);
    const statuses = org.records.people.map((p) => p.status);
    const share = (s: string) => statuses.filter((x) => x === s).length / statuses.length;
    expect(share('leaver')).toBeGreaterThan(0.06);
    expect(share('leaver')).toBeLessThan(0.1);
    expect(share('on-leave')).toBeGreaterThan(0.01);
    expect(new Set(org.records.licenses.map((l) => l.type)).size).toBe(7);
  });

  it('plants problems that `lac check` finds, and none without them', async () => {
    const withProblems = await check(memorySource(Object.fromEntries(synthesize({ people: 3000, seed: 5 }).files)), { today: '2026-11-23' });
    const rules = new Set(withProblems.findings.map((f) => f.rule));
    for (const rule of ['seat-held-by-leaver', 'unknown-assignee', 'over-assigned']) expect(rules, rule).toContain(rule);
    const clean = synthesize({ people: 3000, seed: 5, problems: false });
    const found = await check(memorySource(Object.fromEntries(clean.files)), { today: '2026-11-23' });
    expect(found.findings.filter((f) => ['seat-held-by-leaver', 'unknown-assignee', 'over-assigned', 'unknown-reference'].includes(f.rule))).toEqual([]);
  });

  it('leaves seat holders out of the directory on request, each of their seats an unknown assignee', async () => {
    const org = synthesize({ people: 2000, seed: 2, missingPeople: 20, problems: false });
    expect(org.stats.people).toBe(1980);
    expect(org.stats.missingPeople).toBe(20);
    const { findings } = await check(memorySource(Object.fromEntries(org.files)), { today: '2026-11-23' });
    const unknown = findings.filter((f) => f.rule === 'unknown-assignee');
    expect(new Set(unknown.map((f) => /person "([^"]+)"/.exec(f.message)![1])).size).toBe(20);
  });
});
