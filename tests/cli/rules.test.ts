import { describe, expect, it } from 'vitest';
import { FILE_CHECKS, RULES } from '../../src/rules/index.ts';
import { lac } from '../support/cli.ts';

describe('lac rules', () => {
  it('lists every rule and fixed check once, with its severity and what it finds', async () => {
    const r = await lac(['rules']);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').slice(1).map((l) => l.split(/\s+/).slice(0, 2).join(' '));
    expect(rows).toEqual([...RULES.map((x) => `${x.id} ${x.severity}`), ...FILE_CHECKS.map((c) => `${c.id} ${c.severity ?? 'error'}`)]);
    expect(new Set(rows.map((x) => x.split(' ')[0])).size).toBe(rows.length);
    expect(r.stdout).toContain('over-assigned                error    More seats are assigned in a tier than the contracts in force today entitle');
  });
});
