// A small generator of whole organizations for the agreement tests (issue 11): people who stay,
// leave or are on leave, a license with a paid and a free tier, a reclaim policy with exemptions,
// seats, and a usage snapshot whose accounts are active, idle, never used, suspended, deprovisioned,
// cancelled at the vendor, or of unknown activity. Rendered as the YAML files `lac` reads.
import fc from 'fast-check';
import { addDays } from '../../src/util/dates.ts';

export const TODAY = '2026-06-15';
const DEPARTMENTS = ['eng', 'sales', 'exec'] as const;

export interface GenPerson {
  id: string;
  department: (typeof DEPARTMENTS)[number];
  status: 'active' | 'on-leave' | 'leaver';
  /** Days from today to the end date (negative: in the past); none when absent. */
  end: number | null;
}

export interface GenSeat {
  person: number;
  tier: 'full' | 'viewer';
  /** Days the seat has been held. */
  held: number;
}

export interface GenAccount {
  person: number;
  status: 'active' | 'suspended' | 'deactivated' | 'absent';
  /** Days since last activity; null: never; undefined: not reported. */
  idle: number | null | undefined;
  cancelling: boolean;
}

export interface GenOrg {
  people: GenPerson[];
  policy: { enabled: boolean; inactive_days: number; grace_days: number; min_tenure_days: number; exempt_people: number[]; exempt_departments: string[] };
  fullQuantity: number | 'unlimited';
  fullPrice: '540.00' | '0';
  usage: boolean;
  seats: GenSeat[];
  accounts: GenAccount[];
}

const person = (i: number) =>
  fc.record({
    department: fc.constantFrom(...DEPARTMENTS),
    status: fc.constantFrom('active', 'active', 'active', 'active', 'on-leave', 'leaver'),
    end: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.integer({ min: -200, max: 120 }) }),
  }).map((p): GenPerson => ({ id: `p${i}`, ...p, status: p.status as GenPerson['status'] }));

/** Any organization of one to ten people (without fast-check's bias to small numbers: idle days and tenure spread over their range). */
export const org: fc.Arbitrary<GenOrg> = fc.noBias(fc.integer({ min: 1, max: 10 }).chain((n) =>
  fc.record({
    people: fc.tuple(...Array.from({ length: n }, (_, i) => person(i))),
    policy: fc.record({
      enabled: fc.constantFrom(true, true, true, false),
      inactive_days: fc.integer({ min: 1, max: 120 }),
      grace_days: fc.integer({ min: 0, max: 30 }),
      min_tenure_days: fc.integer({ min: 0, max: 90 }),
      exempt_people: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: 1 }),
      exempt_departments: fc.oneof({ weight: 3, arbitrary: fc.constant<string[]>([]) }, { weight: 1, arbitrary: fc.subarray<string>([...DEPARTMENTS], { minLength: 1, maxLength: 1 }) }),
    }),
    fullQuantity: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constant('unlimited' as const)),
    fullPrice: fc.constantFrom('540.00' as const, '540.00' as const, '540.00' as const, '0' as const),
    usage: fc.constantFrom(true, true, true, false),
    seats: fc.uniqueArray(
      fc.record({ person: fc.integer({ min: 0, max: n - 1 }), tier: fc.constantFrom('full' as const, 'full' as const, 'viewer' as const), held: fc.integer({ min: 0, max: 400 }) }),
      { selector: (s) => s.person, minLength: Math.ceil(n / 2), maxLength: n },
    ),
    // One vendor record per person; `absent` means the vendor has no account for them.
    accounts: fc.tuple(...Array.from({ length: n }, (_, i) => fc.record({
      person: fc.constant(i),
      status: fc.constantFrom('active' as const, 'active' as const, 'active' as const, 'active' as const, 'suspended' as const, 'deactivated' as const, 'absent' as const),
      idle: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 300 }) }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant(undefined) }),
      cancelling: fc.constantFrom(false, false, false, false, false, true),
    }))),
  }),
));

/** The organization as inventory files, as of `today`. */
export function render(o: GenOrg, today = TODAY): Record<string, string> {
  const people = o.people.map((p) => {
    const end = p.end === null ? '' : `, end: ${addDays(today, p.end)}`;
    return `  - { id: ${p.id}, name: Person ${p.id}, email: ${p.id}@test.example, department: ${p.department}, status: ${p.status}, start: 2019-01-01${end} }`;
  });
  const pol = o.policy;
  const exemptPeople = pol.exempt_people.map((i) => `p${i}`).join(', ');
  const files: Record<string, string> = {
    'inventory/org.yaml': `name: Gen Co\ncurrency: EUR\ntimezone: Europe/Berlin\nexchange_rates: { USD: "0.90" }\ndepartments:\n${DEPARTMENTS.map((d) => `  - { id: ${d}, name: Dept ${d}, cost_centre: CC-${d} }`).join('\n')}\n`,
    'inventory/people.yaml': `people:\n${people.join('\n')}\n`,
    'inventory/vendors/figma.yaml': 'id: figma\nname: Figma, Inc.\n',
    'inventory/licenses/figma.yaml': [
      'id: figma', 'name: Figma', 'vendor: figma', 'type: subscription', 'owner: p0',
      'tiers:', '  - { id: full, name: Full seat }', '  - { id: viewer, name: Viewer }',
      ...(o.usage ? ['usage: { source: csv, config: { path: exports/figma.csv, columns: { account: Email } } }'] : []),
      `reclaim: { enabled: ${pol.enabled}, inactive_days: ${pol.inactive_days}, grace_days: ${pol.grace_days}, min_tenure_days: ${pol.min_tenure_days}, exempt_people: [${exemptPeople}], exempt_departments: [${pol.exempt_departments.join(', ')}] }`,
      '',
    ].join('\n'),
    'inventory/contracts/figma-2026.yaml': [
      'id: figma-2026', 'vendor: figma', 'currency: USD', 'start: 2026-01-01', 'end: 2026-12-31', 'lines:',
      `  - { license: figma, tier: full, quantity: ${o.fullQuantity}, unit_price: "${o.fullPrice}" }`,
      '  - { license: figma, tier: viewer, quantity: unlimited, unit_price: "0" }', '',
    ].join('\n'),
  };
  if (o.seats.length) {
    const seats = o.seats.map((s) => `  - { person: p${s.person}, tier: ${s.tier}, since: ${addDays(today, -s.held)} }`);
    files['inventory/assignments/figma.yaml'] = `license: figma\nseats:\n${seats.join('\n')}\n`;
  }
  if (o.usage) {
    const accounts = [...o.accounts].sort((a, b) => (`p${a.person}@` < `p${b.person}@` ? -1 : 1)).filter((a) => a.status !== 'absent').map((a) => {
      const last = a.idle === undefined ? '' : `, last_active: ${a.idle === null ? 'null' : addDays(today, -a.idle)}`;
      const cancel = a.cancelling ? `, pending_cancellation: ${addDays(today, 20)}` : '';
      return `  - { account: p${a.person}@test.example, person: p${a.person}, status: ${a.status}${last}${cancel} }`;
    });
    files['inventory/usage/figma.yaml'] = `license: figma\nsource: csv\ntaken: ${today}T06:00:00Z\naccounts:${accounts.length ? `\n${accounts.join('\n')}` : ' []'}\n`;
  }
  return files;
}
