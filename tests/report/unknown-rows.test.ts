// Issue 11, "Bad input": a summed row with a part that cannot be computed (a contract in a
// currency with no exchange rate) says so — "365.00 + unknown", or "unknown" when nothing of it is
// known — in every format of `lac report` and `lac report --period`, never a bare 0.00; a row
// with no unknown part shows no marker; the known parts still add up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, rowRecord } from '../../src/usage/http/csv.ts';
import { cleanup, lac, tempRepo } from '../support/cli.ts';
import { NO_RATE, unknownRowFiles } from './unknown-rows.ts';

let dir: string;
beforeAll(() => {
  dir = tempRepo(unknownRowFiles());
});
afterAll(() => cleanup(dir));

const run = async (args: string[]) => {
  const r = await lac(['report', '--today', '2026-03-10', ...args], { cwd: dir });
  expect(r.code).toBe(0);
  return r.stdout;
};
const csv = (text: string) => {
  const t = parseCsv(text);
  return t.rows.map((r) => rowRecord(t.header, r));
};
const FULL = `figma/full: ${NO_RATE}`;
const VIEWER = `figma/viewer: ${NO_RATE}`;

describe('lac report: a summed row with an unknown part', () => {
  it('text and md: "365.00 + unknown", "unknown" when nothing is known, no marker when all is known', async () => {
    const text = await run([]);
    expect(text).toMatch(/\n {2}total +4 \+ unlimited +4 +0 +0 +4 +0 +1 +730\.00 \+ unknown +0\.00 \+ unknown\n/);
    expect(text).toMatch(/\n {2}eng +Engineering +2 +365\.00 \+ unknown +0\.00 \+ unknown\n/);
    expect(text).toMatch(/\n {2}sales +Sales +1 +unknown +unknown\n/);
    expect(text).toMatch(/\n {2}ops +Operations +1 +365\.00 +0\.00\n/);
    expect(text).toMatch(/\n {2}CC-100 +CC-100 +2 +365\.00 \+ unknown/);
    expect(text).toMatch(/\n {2}figma +unknown +unknown\n {2}slack +730\.00 +0\.00\n/);
    const md = await run(['--format', 'md']);
    expect(md).toContain('| eng | Engineering | 2 | 365.00 + unknown | 0.00 + unknown |');
    expect(md).toContain('| sales | Sales | 1 | unknown | unknown |');
    expect(md).toContain('| ops | Operations | 1 | 365.00 | 0.00 |');
  });

  it('csv: the amount stays the known part, cost_unknown says why', async () => {
    const rows = csv(await run(['--format', 'csv']));
    const at = (section: string, group: string, license = '') => rows.find((r) => r.section === section && r.group === group && r.license === license)!;
    expect([at('department', 'eng').annual_cost, at('department', 'eng').cost_unknown]).toEqual(['365.00', FULL]);
    expect([at('department', 'sales').annual_cost, at('department', 'sales').cost_unknown]).toEqual(['0.00', VIEWER]);
    expect([at('department', 'ops').annual_cost, at('department', 'ops').cost_unknown]).toEqual(['365.00', '']);
    expect(at('department-license', 'eng', 'figma').cost_unknown).toBe(FULL);
    expect(at('department-license', 'eng', 'slack').cost_unknown).toBe('');
    expect(at('vendor', 'figma').cost_unknown).toBe(`${FULL}; ${VIEWER}`);
    expect(at('vendor', 'slack').cost_unknown).toBe('');
    expect(rows.find((r) => r.section === 'license' && r.license === 'figma')!.cost_unknown).toBe(`${FULL}; ${VIEWER}`);
    expect(rows.find((r) => r.section === 'total')!.annual_cost).toBe('730.00');
  });

  it('json: each summed figure carries unknown { reasons, whole }, absent when all is known', async () => {
    const j = JSON.parse(await run(['--format', 'json'])) as {
      departments: Array<{ key: string; annualCost: { value: string; unknown?: unknown }; waste: { unknown?: unknown }; licenses: Record<string, { unknown?: unknown }> }>;
      vendors: Array<{ vendor: string; annualCost: { unknown?: unknown } }>;
    };
    const d = (k: string) => j.departments.find((x) => x.key === k)!;
    expect(d('eng').annualCost).toMatchObject({ value: '365.00', unknown: { reasons: [FULL], whole: false } });
    expect(d('eng').waste.unknown).toEqual({ reasons: [FULL], whole: false });
    expect(d('eng').licenses.figma!.unknown).toEqual({ reasons: [FULL], whole: true });
    expect(d('eng').licenses.slack).not.toHaveProperty('unknown');
    expect(d('sales').annualCost).toMatchObject({ value: '0.00', unknown: { reasons: [VIEWER], whole: true } });
    expect(d('ops').annualCost).not.toHaveProperty('unknown');
    expect(j.vendors.find((v) => v.vendor === 'figma')!.annualCost.unknown).toEqual({ reasons: [FULL, VIEWER], whole: true });
    expect(j.vendors.find((v) => v.vendor === 'slack')!.annualCost).not.toHaveProperty('unknown');
  });
});

describe('lac report --period: a contract with no exchange rate is unknown, not left out', () => {
  it('text and md', async () => {
    const text = await run(['--period', '2026']);
    expect(text).toMatch(/\n {2}figma-2026 +0 +figma +figma +full +unknown\n/);
    expect(text).toMatch(/\n {2}total +730\.00 \+ unknown\n/);
    expect(text).toMatch(/\n {2}eng +Engineering +726 +365\.00 \+ unknown\n/);
    expect(text).toMatch(/\n {2}sales +Sales +361 +unknown\n/);
    expect(text).toMatch(/\n {2}ops +Operations +365 +365\.00\n/);
    expect(text).toMatch(/By license\n.*\n {2}figma +unknown\n {2}slack +730\.00\n/);
    expect(text).toContain('warning: no exchange rate for USD in org.yaml: the spend of contract figma-2026 is unknown\n');
    const md = await run(['--period', '2026', '--format', 'md']);
    expect(md).toContain('| eng | Engineering | 726 | 365.00 + unknown |');
    expect(md).toContain('| sales | Sales | 361 | unknown |');
    expect(md).toContain('| ops | Operations | 365 | 365.00 |');
  });

  it('csv and json', async () => {
    const rows = csv(await run(['--period', '2026', '--format', 'csv']));
    const at = (section: string, group: string) => rows.find((r) => r.section === section && r.group === group)!;
    expect([at('department', 'eng').spend, at('department', 'eng').cost_unknown]).toEqual(['365.00', FULL]);
    expect([at('department', 'sales').spend, at('department', 'sales').cost_unknown]).toEqual(['0.00', VIEWER]);
    expect(at('department', 'ops').cost_unknown).toBe('');
    expect(rows.filter((r) => r.section === 'line').map((r) => [r.contract, r.tier, r.spend, r.cost_unknown])).toEqual([
      ['figma-2026', 'full', '0.00', NO_RATE], ['figma-2026', 'viewer', '0.00', NO_RATE], ['slack-2026', 'standard', '730.00', ''],
    ]);
    expect(rows.find((r) => r.section === 'total')!.cost_unknown).toBe(`${FULL}; ${VIEWER}`);

    const j = JSON.parse(await run(['--period', '2026', '--format', 'json'])) as { total: string; totalUnknown?: unknown; departments: Array<{ key: string; amount: string; unknown?: unknown; licensesUnknown?: unknown }>; licenses: Array<{ id: string; unknown?: unknown }> };
    expect([j.total, j.totalUnknown]).toEqual(['730.00', { reasons: [FULL, VIEWER], whole: false }]);
    const d = (k: string) => j.departments.find((x) => x.key === k)!;
    expect(d('eng')).toMatchObject({ amount: '365.00', unknown: { reasons: [FULL], whole: false }, licensesUnknown: { figma: { reasons: [FULL], whole: true } } });
    expect(d('sales')).toMatchObject({ amount: '0.00', unknown: { reasons: [VIEWER], whole: true } });
    expect(d('ops')).not.toHaveProperty('unknown');
    expect(j.licenses.find((l) => l.id === 'slack')).not.toHaveProperty('unknown');
  });
});
