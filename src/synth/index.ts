import type { Org } from '../inventory/schema/index.ts';
import { allocateSeats } from './allocate.ts';
import { makeAssignments } from './assignments.ts';
import { makeContracts, EXCHANGE_RATES, ORG_CURRENCY } from './contracts.ts';
import { costCentre, DEPARTMENTS } from './departments.ts';
import { makeLicenses } from './licenses.ts';
import { makePeople, type SynthPeople } from './people.ts';
import { DEFAULTS, licenseCount, seatTarget, type SynthOptions } from './plan.ts';
import { plantSeatProblems, type Planted } from './problems.ts';
import { Random } from './random.ts';
import { makeUsage } from './usage.ts';
import { renderFiles, writeFiles, type SynthRecords } from './write.ts';

export { DEFAULTS, licenseCount, seatTarget, type SynthOptions } from './plan.ts';
export { renderFiles, writeFiles } from './write.ts';

export interface SynthStats {
  /** People in people.yaml. */
  people: number;
  /** Seat holders left out of people.yaml on request. */
  missingPeople: number;
  licenses: number;
  vendors: number;
  /** Accounts in all usage snapshots. */
  usageAccounts: number;
  contracts: number;
  seats: number;
  files: number;
  planted: Planted;
}

export interface SynthOrg {
  records: SynthRecords;
  files: Map<string, string>;
  stats: SynthStats;
}

/** Generates a whole synthetic organization. Deterministic: the same options give the same bytes. */
export function synthesize(options: Partial<SynthOptions> & { people: number }): SynthOrg {
  const o: SynthOptions = { ...DEFAULTS, ...options };
  if (!Number.isInteger(o.people) || o.people < 1) throw new Error(`people must be a positive whole number, not ${o.people}`);
  const rng = new Random(`lac-synth:${o.seed}`);
  const people = makePeople(rng.fork('people'), o.people, o.today);
  const { licenses, vendors } = makeLicenses(rng.fork('licenses'), licenseCount(o.people), people);
  const counts = allocateSeats(rng.fork('allocate'), licenses, people.pool.length, seatTarget(o.people));
  const seats = makeAssignments(rng.fork('seats'), licenses, counts, people, o.today);
  const planted = o.problems ? plantSeatProblems(rng.fork('problems'), people, licenses, seats, o.today) : { leaverSeats: 0, futureLeaverSeats: 0, unknownAssignees: 0 };
  const contracts = makeContracts(rng.fork('contracts'), licenses, seats, people, o.today, o.problems);
  const directory = o.missingPeople > 0 ? dropPeople(rng.fork('missing'), people, o.missingPeople) : people.list;
  const usage = makeUsage(rng.fork('usage'), licenses.map((l) => l.license), seats, directory, o.usageAccounts, o.today);
  const records: SynthRecords = { org: makeOrg(o, people), people: directory, vendors: vendors.sort((a, b) => (a.id < b.id ? -1 : 1)), licenses: licenses.map((l) => l.license), contracts, seats, usage };
  const files = renderFiles(records);
  const stats: SynthStats = {
    people: directory.length,
    missingPeople: people.list.length - directory.length,
    licenses: licenses.length,
    vendors: vendors.length,
    usageAccounts: usage.reduce((a, u) => a + u.accounts.length, 0),
    contracts: contracts.length,
    seats: seats.reduce((a, s) => a + s.seats.length, 0),
    files: files.size,
    planted,
  };
  return { records, files, stats };
}

/** Generates an org and writes it under `root`/inventory. */
export async function synthesizeTo(root: string, options: Partial<SynthOptions> & { people: number }): Promise<SynthOrg> {
  const org = synthesize(options);
  await writeFiles(root, org.files);
  return org;
}

/** The directory without `count` people who hold seats (never a department head). */
function dropPeople(rng: Random, people: SynthPeople, count: number): SynthPeople['list'] {
  const heads = new Set(people.heads);
  const candidates = people.pool.filter((i) => !heads.has(i));
  const gone = new Set<number>();
  while (gone.size < Math.min(count, candidates.length)) gone.add(rng.pick(candidates));
  return people.list.filter((_, i) => !gone.has(i));
}

function makeOrg(o: SynthOptions, people: SynthPeople): Org {
  return {
    name: `Synthetic Org ${o.seed}`,
    currency: ORG_CURRENCY,
    timezone: 'America/New_York',
    fiscal_year_start: '02-01',
    exchange_rates: EXCHANGE_RATES,
    departments: DEPARTMENTS.map((d, i) => {
      const head = people.heads[i]!;
      return { id: d.id, name: d.name, cost_centre: costCentre(i), ...(head >= 0 ? { head: people.list[head]!.id } : {}) };
    }),
    policies: {
      reclaim: { enabled: true, inactive_days: 90, grace_days: 14, min_tenure_days: 30, exempt_departments: ['executive'] },
      renewal: { reminder_days: [90, 60, 30, 14, 7], decision_window_days: 45, usage_window_days: 90, headroom_percent: 10 },
    },
    github: { usage_updates: 'pull-request', labels: ['licenses'] },
  };
}
