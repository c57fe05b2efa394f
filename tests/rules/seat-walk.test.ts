// The per-seat rules share one walk over the seats (src/rules/seat-walk.ts, issue 16). Over
// generated orgs with problems planted for every per-seat rule, the whole rule set gives exactly
// the findings of the rules run one by one, each on its own, as `runRules` did before the walk;
// and, for one org, exactly the findings the rules gave before the walk existed (a file snapshot
// written by the earlier code).
import { describe, expect, it } from 'vitest';
import { accountsByPerson } from '../../src/analysis/activity.ts';
import { entitlements } from '../../src/analysis/entitlement.ts';
import { runRules } from '../../src/check/run.ts';
import type { Finding } from '../../src/findings/finding.ts';
import { loadInventory } from '../../src/inventory/load.ts';
import { memorySource } from '../../src/inventory/memory-source.ts';
import type { Inventory } from '../../src/inventory/model.ts';
import type { Seat } from '../../src/inventory/schema/index.ts';
import { RULES } from '../../src/rules/index.ts';
import type { Rule } from '../../src/rules/rule.ts';
import { renderFiles, synthesize } from '../../src/synth/index.ts';
import { Random } from '../../src/synth/random.ts';

const TODAY = '2026-11-23';
const PER_SEAT = ['unknown-assignee', 'seat-holder', 'duplicate-assignment', 'seat-held-by-leaver', 'assignment-before-start', 'policy-forbidden-seat'];

/** A generated org with, besides the generator's own problems, a problem for each per-seat rule on about 2 % of the seats. */
async function messyOrg(people: number, seed: number, missingPeople = 0): Promise<Inventory> {
  const { records } = synthesize({ people, seed, missingPeople, today: TODAY });
  const rng = new Random(`seat-walk-test:${seed}`);
  const ends = new Map(records.people.map((p) => [p.id, p.end]));
  for (const list of records.seats) {
    const extra: Seat[] = [];
    list.seats = list.seats.map((seat) => {
      if (!rng.chance(0.02)) return seat;
      const s = { ...seat };
      switch (rng.int(0, 7)) {
        case 0: extra.push({ ...seat }); break; // a second line for the same holder
        case 1: s.since = '1999-01-01'; break; // before the holder started
        case 2: if (s.person && ends.get(s.person)) s.since = '2030-01-01'; break; // after the holder left
        case 3: delete s.person; delete s.device; break; // no holder
        case 4: if (s.person) s.device = 'build-01'; else s.person = records.people[0]!.id; break; // both
        case 5: if (s.person) s.person = `${s.person}-x`; break; // not in people.yaml
        case 6: s.tier = `${s.tier}-x`; break; // no such tier
        case 7: extra.push({ device: 'host-1', tier: seat.tier, since: seat.since }, { device: 'host-1', tier: seat.tier, since: seat.since }); break;
      }
      return s;
    });
    list.seats.push(...extra);
  }
  const files = Object.fromEntries(renderFiles(records));
  // A policy forbidding the first license to the first department: policy-forbidden-seat has work.
  files['inventory/policies/no-first.yaml'] = `id: no-first\nname: No first license\nmatch: { departments: [${records.org.departments![0]!.id}] }\nforbid:\n  - { license: ${records.licenses[0]!.id} }\n`;
  return (await loadInventory(memorySource(files))).inventory;
}

/** The rules run one by one, each on its own, with the org's overrides: how `runRules` ran them before the walk. */
function oneByOne(inv: Inventory, rules: readonly Rule[]): Finding[] {
  const ctx = { inv, today: TODAY, entitlements: entitlements(inv, TODAY), accounts: accountsByPerson };
  const overrides = inv.org?.data.rules ?? {};
  const out: Finding[] = [];
  for (const rule of rules) {
    const setting = overrides[rule.id];
    if (setting === 'off') continue;
    rule.check(ctx, (e) => out.push({ rule: rule.id, severity: setting ?? e.severity ?? rule.severity, message: e.message, ...e.loc, ...(e.hint ? { hint: e.hint } : {}) }));
  }
  return out;
}

const line = (f: Finding) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message} | ${f.hint ?? ''}`;

describe('the per-seat rules in one walk', () => {
  it.each([
    [300, 1, 0],
    [1200, 2, 0],
    [2500, 3, 7],
  ])('give the findings of the rules run one by one (%i people, seed %i, %i missing)', async (people, seed, missing) => {
    const inv = await messyOrg(people, seed, missing);
    const walked = runRules(inv, TODAY).map(line);
    const alone = oneByOne(inv, RULES).map(line);
    // Same findings, same order (a generated org.yaml has no settings that add findings of their own).
    expect(walked).toEqual(alone);
    // Every per-seat rule had something to find, so a rule left out of the walk would show.
    for (const id of PER_SEAT) expect(walked.filter((l) => l.includes(` ${id} `)).length, id).toBeGreaterThan(0);
  });

  it('gives the findings the rules gave before the walk (500 people, seed 4)', async () => {
    const inv = await messyOrg(500, 4, 3);
    await expect(`${runRules(inv, TODAY).map(line).join('\n')}\n`).toMatchFileSnapshot('./__snapshots__/seat-walk-500-4.txt');
  });

  it('leaves out a rule switched off in org.yaml, and only that one', async () => {
    const inv = await messyOrg(300, 5);
    inv.org!.data.rules = { 'duplicate-assignment': 'off', 'seat-holder': 'warning' };
    const walked = runRules(inv, TODAY);
    expect(walked.map(line)).toEqual(oneByOne(inv, RULES).map(line));
    expect(walked.some((f) => f.rule === 'duplicate-assignment')).toBe(false);
    expect(walked.filter((f) => f.rule === 'seat-holder').every((f) => f.severity === 'warning')).toBe(true);
  });
});
