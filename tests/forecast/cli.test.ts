// `lac forecast` on a real git repository built commit by commit: the back-test against a known
// outcome, every output format, and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, lac, lacProcess, tempRepo as folder } from '../support/cli.ts';
import { tempRepo, type TestRepo } from '../support/git.ts';
import { MONTHLY, orgFiles } from './support.ts';

const TODAY = '2026-12-15';
const base = () => {
  const f = orgFiles();
  delete f['inventory/contracts/old-2026.yaml'];
  delete f['inventory/contracts/cad-2026.yaml'];
  delete f['inventory/assignments/cad.yaml'];
  return f;
};

let repo: TestRepo;
let young: TestRepo;
beforeAll(() => {
  repo = tempRepo();
  repo.commit(base(), { message: 'The inventory', date: '2026-03-10T09:00:00Z' });
  // Three more seats bought mid-term, written over the term in place: from August the month-end inventory pays 15.
  repo.commit({ 'inventory/contracts/tool-2026.yaml': MONTHLY.replace('quantity: 12', 'quantity: 15') }, { message: 'Three more seats', date: '2026-08-15T09:00:00Z' });
  young = tempRepo();
  young.commit(base(), { message: 'The inventory', date: '2026-09-01T09:00:00Z' });
});
afterAll(() => {
  repo.cleanup();
  young.cleanup();
});

interface Json {
  spend: { total: string; months: Array<{ month: string; total: string }> };
  backtest: { asOf: string; unavailable?: string; months: Array<{ month: string; forecast: string; actual: string; error: string; errorPercent: number | null }>; mape: number; error: string; errorPercent: number };
}

describe('lac forecast --backtest', () => {
  it('compares the forecast made at the end of May with what each month\'s own inventory then accrued', async () => {
    const r = await lac(['forecast', '--root', repo.dir, '--today', TODAY, '--backtest', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Json;
    expect(j.backtest.asOf).toBe('2026-05-31');
    expect(j.backtest.months.map((m) => [m.month, m.forecast, m.actual, m.error, m.errorPercent])).toEqual([
      ['2026-06', '120.00', '120.00', '0.00', 0], ['2026-07', '120.00', '120.00', '0.00', 0],
      ['2026-08', '120.00', '150.00', '-30.00', 20], ['2026-09', '120.00', '150.00', '-30.00', 20],
      ['2026-10', '120.00', '150.00', '-30.00', 20], ['2026-11', '120.00', '150.00', '-30.00', 20],
    ]);
    // 720.00 forecast against 840.00: −120.00, 14.29%; MAPE (0 + 0 + 20 × 4) / 6 = 13.33%.
    expect([j.backtest.mape, j.backtest.error, j.backtest.errorPercent]).toEqual([13.33, '-120.00', 14.29]);
    // Today's forecast: 15 seats × 10.00 to March, renewed at 15 × 10.50.
    expect(j.spend.months.slice(0, 4).map((m) => m.total)).toEqual(['150.00', '150.00', '150.00', '157.50']);
  });

  it('says plainly when the history is shorter than six months', async () => {
    const r = await lac(['forecast', '--root', young.dir, '--today', TODAY, '--backtest']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Back-test: not possible: the git history starts on 2026-09-01: a back-test needs the inventory as it stood on 2026-05-31, 6 whole months before this month.');
  });

  it('outside a git repository: forecasts from the files and says there is no history to back-test', async () => {
    const dir = folder(base());
    try {
      const r = await lac(['forecast', '--root', dir, '--today', TODAY, '--backtest', '--months', '1']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/2027-01\s+120\.00/);
      expect(r.stdout).toContain('Back-test: not possible: not a git repository (or no commit yet): there is no history to test the forecast against.');
    } finally {
      cleanup(dir);
    }
  });

  it('prints the error table in text and markdown', async () => {
    const text = await lac(['forecast', '--root', repo.dir, '--today', TODAY, '--backtest']);
    expect(text.stdout).toMatch(/Back-test: the forecast made on 2026-05-31 against what happened \(EUR\)\n\s+month\s+forecast\s+actual\s+error\s+error %\n\s+2026-06\s+120\.00\s+120\.00\s+0\.00\s+0\.00%/);
    expect(text.stdout).toContain('MAPE (mean absolute percentage error): 13.33%');
    const md = await lac(['forecast', '--root', repo.dir, '--today', TODAY, '--backtest', '--format', 'md']);
    expect(md.stdout).toContain('| 2026-08 | 120.00 | 150.00 | -30.00 | 20.00% |');
    expect(md.stdout).toContain('## Method');
  });
});

describe('lac forecast and lac report --period', () => {
  it('agree on every month inside the written term: total, per license, per department', async () => {
    const f = JSON.parse((await lac(['forecast', '--root', repo.dir, '--today', TODAY, '--months', '3', '--format', 'json'])).stdout) as { spend: { months: Array<{ month: string; total: string; licenses: Record<string, string>; departments: Record<string, string> }> } };
    for (const m of f.spend.months) {
      const r = JSON.parse((await lac(['report', '--root', repo.dir, '--period', m.month, '--format', 'json'])).stdout) as { total: string; licenses: Array<{ id: string; amount: string }>; departments: Array<{ key: string; amount: string }> };
      expect([m.month, m.total, m.licenses, m.departments]).toEqual([m.month, r.total, Object.fromEntries(r.licenses.map((l) => [l.id, l.amount])), Object.fromEntries(r.departments.map((d) => [d.key, d.amount]))]);
    }
    expect(f.spend.months.map((m) => m.total)).toEqual(['150.00', '150.00', '150.00']);
  });
});

describe('lac forecast formats', () => {
  it('CSV: one row per series, key and month, ISO months and dates, numbers as plain numbers', async () => {
    const r = await lac(['forecast', '--root', repo.dir, '--today', TODAY, '--months', '4', '--format', 'csv', '--backtest']);
    const lines = r.stdout.split('\r\n');
    expect(lines[0]).toBe('series,key,month,date,value');
    expect(lines).toContain('spend,total,2027-01,2027-01-31,150.00');
    expect(lines).toContain('spend,total,2027-04,2027-04-30,157.50');
    expect(lines).toContain('spend-license,tool,2027-04,2027-04-30,157.50');
    expect(lines).toContain('spend-renewals,total,2027-04,2027-04-30,157.50');
    expect(lines).toContain('headcount-known,eng,2027-03,2027-03-31,2');
    expect(lines).toContain('backtest-error,total,2026-08,,-30.00');
    for (const l of lines.slice(1, -1)) expect(l).toMatch(/^[a-z-]+,[^,]+,\d{4}-\d{2},(\d{4}-\d{2}-\d{2})?,-?\d+(\.\d+)?$/);
  });

  it('--license keeps that license\'s spend; --months sets the horizon', async () => {
    const r = await lac(['forecast', '--root', repo.dir, '--today', TODAY, '--months', '2', '--license', 'tool', '--format', 'json']);
    const j = JSON.parse(r.stdout) as Json & { license: string };
    expect([j.license, j.spend.months.map((m) => m.month), j.spend.total]).toEqual(['tool', ['2027-01', '2027-02'], '300.00']);
  });
});

describe('lac forecast bad input', () => {
  it.each([
    [['--months', '0'], '--months 0 is not a number of months from 1 to 120'],
    [['--months', '1000'], '--months 1000 is not a number of months from 1 to 120'],
    [['--months', 'twelve'], '--months twelve is not a number of months from 1 to 120'],
    [['--format', 'xml'], '--format xml is not one of text, md, csv, json'],
    [['--today', '2026-13-01'], '--today 2026-13-01 is not a calendar date'],
    [['--license', 'tol'], 'no license "tol"'],
  ])('%j → exit 2 with a clear message', async (args, message) => {
    const r = await lac(['forecast', '--root', young.dir, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  it('the compiled CLI exits 2 on a bad --months, without a stack trace', () => {
    const r = lacProcess(['forecast', '--root', young.dir, '--months', '-3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--months -3 is not a number of months from 1 to 120');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
