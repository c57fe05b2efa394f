// The forecast's headcount history: people.yaml at each of the last 12 month ends. Months that did not change the
// file share its version (read once); the history equals one made by reading the file at each month's commit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headcount, monthEndBefore, forecastMonths } from '../../src/analysis/forecast/index.ts';
import { inventoryParser, type BlobParser } from '../../src/history/blobs.ts';
import { peopleAt, peopleHistory, timeline } from '../../src/report/forecast/history.ts';
import { runForecast } from '../../src/report/forecast/run.ts';
import { gcFunction } from '../../src/site/heap.ts';
import { tempRepo, type TestRepo } from '../support/git.ts';
import { orgFiles, orgModel, PEOPLE } from './support.ts';

const TODAY = '2026-12-15';
const JOINER = '  - { id: dee, name: Dee, email: dee@f.example, department: sales, status: active, start: 2026-06-01 }\n';
let repo: TestRepo;

beforeAll(() => {
  repo = tempRepo();
  const files = orgFiles();
  delete files['inventory/people.yaml'];
  // No people.yaml until March; then it changes in June and October only; seat changes come every month.
  repo.commit(files, { message: 'The inventory without people', date: '2026-01-10T09:00:00Z' });
  repo.commit({ 'inventory/people.yaml': PEOPLE }, { message: 'People', date: '2026-03-10T09:00:00Z' });
  const seats = (n: number) => `license: cad\nseats:\n${['ada', 'bob'].slice(0, n).map((p) => `  - { person: ${p}, tier: std, since: 2026-07-01 }\n`).join('')}`;
  const left = (PEOPLE + JOINER).replace('status: active, start: 2026-06-01', 'status: leaver, start: 2026-06-01, end: 2026-10-20');
  const changes: [string, Record<string, string>][] = [
    ['04-12', { 'inventory/assignments/cad.yaml': seats(1) }], ['05-12', { 'inventory/assignments/cad.yaml': seats(2) }],
    ['06-03', { 'inventory/people.yaml': PEOPLE + JOINER }], ['07-12', { 'inventory/assignments/cad.yaml': seats(1) }],
    ['08-12', { 'inventory/assignments/cad.yaml': seats(2) }], ['09-12', { 'inventory/assignments/cad.yaml': seats(1) }],
    ['10-21', { 'inventory/people.yaml': left }], ['11-12', { 'inventory/assignments/cad.yaml': seats(2) }],
  ];
  for (const [day, change] of changes) repo.commit(change, { message: `Change of 2026-${day}`, date: `2026-${day}T09:00:00Z` });
});
afterAll(() => repo.cleanup());

describe('headcount history', () => {
  it("equals people.yaml read at each month end's own commit, months without the file counting no one", async () => {
    const inventory = await orgModel({ 'inventory/people.yaml': PEOPLE });
    const f = await runForecast({ root: repo.dir, inventory, today: TODAY, months: 3, backtest: false });
    const line = (await timeline(repo.dir, 'HEAD', 'UTC'))!;
    const parse = inventoryParser();
    const reference = [];
    for (let back = 12; back >= 1; back--) {
      const date = monthEndBefore(TODAY, back);
      const commit = date >= line.first ? line.at(date) : undefined;
      if (commit) reference.push({ date, people: (await peopleAt(repo.dir, commit, parse)).people });
    }
    const expected = headcount(reference, [...inventory.people.values()].map((p) => p.data), forecastMonths(TODAY, 3));
    expect(f.headcount).toEqual(expected);
    const sales = f.headcount.find((h) => h.department === 'sales')!;
    expect(sales.history.map((p) => [p.date, p.value])).toEqual([
      ['2026-01-31', 0], ['2026-02-28', 0], ['2026-03-31', 0], ['2026-04-30', 0], ['2026-05-31', 0], ['2026-06-30', 1],
      ['2026-07-31', 1], ['2026-08-31', 1], ['2026-09-30', 1], ['2026-10-31', 0], ['2026-11-30', 0],
    ]);
    const eng = f.headcount.find((h) => h.department === 'eng')!;
    expect(eng.history.map((p) => p.value)).toEqual([0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
  });

  it('holds no version of people.yaml but the one the next reuses records from (each holds its bytes)', async () => {
    const gc = () => gcFunction()({ type: 'major', execution: 'sync', flavor: 'last-resort' });
    const real = inventoryParser();
    const versions: WeakRef<object>[] = [];
    // Before each parse: which versions parsed before the previous one are still alive after a full collection.
    const alive: boolean[][] = [];
    const parse: BlobParser = (path, bytes, previous) => {
      gc();
      alive.push(versions.slice(0, -1).map((v) => v.deref() !== undefined));
      const data = real(path, bytes, previous);
      if (data) versions.push(new WeakRef(data));
      return data;
    };
    const line = (await timeline(repo.dir, 'HEAD', 'UTC'))!;
    const history = await peopleHistory(repo.dir, line, TODAY, undefined, parse);
    // Three versions (October's, June's, March's), read from the latest back.
    expect(versions).toHaveLength(3);
    expect(alive).toEqual([[], [], [false]]);
    expect(history.map((h) => h.people.length)).toEqual([0, 0, 3, 3, 3, 4, 4, 4, 4, 4, 4]);
  });
});
