import Type, { type Static } from 'typebox';
import { Closed, Currency, Decimal, Id, Notes, OneOf, Text } from './common.ts';
import { Discovery } from './discovery.ts';

export const SEVERITY_SETTINGS = ['error', 'warning', 'notice', 'off'] as const;

export const ReclaimPolicy = Closed(
  {
    enabled: Type.Optional(Type.Boolean({ description: 'Whether seats of this license may be proposed for reclaim at all.' })),
    inactive_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650, description: 'Days without activity after which a seat counts as inactive.' })),
    grace_days: Type.Optional(Type.Integer({ minimum: 0, maximum: 365, description: 'Days the holder has to object after a reclaim is proposed.' })),
    min_tenure_days: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650, description: 'Never propose a reclaim within this many days of the assignment.' })),
    exempt_people: Type.Optional(Type.Array(Id('A person whose seats are never reclaimed.'), { description: 'People exempt from reclaim.', uniqueItems: true })),
    exempt_departments: Type.Optional(Type.Array(Id('A department whose members keep their seats.'), { description: 'Departments exempt from reclaim.', uniqueItems: true })),
  },
  'When a seat counts as unused and may be proposed for reclaim.',
);

export const RenewalPolicy = Closed(
  {
    reminder_days: Type.Optional(Type.Array(Type.Integer({ minimum: 0, maximum: 730, description: 'Days before the cancel-by date.' }), { description: 'Reminder thresholds before each cancel-by date (e.g. 90, 60, 30, 14, 7).', uniqueItems: true })),
    decision_window_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 730, description: 'A renewal decision is due this many days before the cancel-by date.' })),
    usage_window_days: Type.Optional(Type.Integer({ minimum: 7, maximum: 730, description: 'Days of usage history whose peak sets the recommended quantity.' })),
    headroom_percent: Type.Optional(Type.Integer({ minimum: 0, maximum: 200, description: 'Extra seats on top of the peak, in percent.' })),
  },
  'How renewals are reminded and sized.',
);

export const DIRECTORY_SOURCES = ['okta', 'google-workspace', 'entra-id', 'hr-csv', 'scim-json'] as const;

export const DirectorySource = Closed(
  {
    source: OneOf(DIRECTORY_SOURCES, 'Where `lac people pull` reads the directory from.'),
    config: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'Source settings (base URL, file path, column mapping, department names...); never secrets.' })),
    min_source_percent: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Stop instead of proposing leavers when the source returns fewer people than this share of the active people in people.yaml (default 80).' })),
  },
  'The directory\'s source of truth, read by `lac people pull`.',
);

export const Department = Closed(
  {
    id: Id('Department ID, referenced by people.'),
    name: Text('Department name.', 200),
    cost_centre: Type.Optional(Text('Cost centre that pays for this department by default.', 64)),
    head: Type.Optional(Id('The person who heads the department.')),
  },
  'A department of the organization.',
);

export const Org = Closed(
  {
    name: Text('The organization\'s name.', 200),
    currency: Currency('The currency all figures are reported in.'),
    timezone: Text('IANA time zone of the organization (e.g. Europe/Berlin); "today" is taken there.', 64),
    fiscal_year_start: Type.Optional(Type.String({ pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', description: 'First day of the fiscal year as MM-DD (default 01-01).', 'x-expected': 'a month and day MM-DD' })),
    exchange_rates: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Z]{3}$' }), Decimal('Value of one unit of that currency in the org currency.'), { description: 'Exchange rates into the org currency, keyed by ISO 4217 code.' })),
    departments: Type.Optional(Type.Array(Department, { description: 'Departments, for chargeback and exemptions.' })),
    policies: Type.Optional(Closed({
      reclaim: Type.Optional(ReclaimPolicy),
      renewal: Type.Optional(RenewalPolicy),
      offboarding: Type.Optional(Closed({ removal_days: Type.Integer({ minimum: 0, maximum: 365, description: 'Days after a leaver\'s end date by which every seat must be removed (`leaver-removal-overdue`).' }) }, 'How fast a leaver\'s seats must go.')),
    }, 'Org-wide defaults; a license may override them.')),
    directory: Type.Optional(DirectorySource),
    discovery: Type.Optional(Discovery),
    rules: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z][a-z0-9-]*$' }), OneOf(SEVERITY_SETTINGS, 'Severity for this rule, or off.'), { description: 'Severity overrides per rule id (see `lac rules`).' })),
    github: Type.Optional(Closed({
      usage_updates: Type.Optional(OneOf(['pull-request', 'push'] as const, 'How scheduled usage snapshots land: as a pull request (default) or pushed to the default branch.')),
      labels: Type.Optional(Type.Array(Text('A label.', 50), { description: 'Labels added to every bot pull request and issue.' })),
    }, 'Settings for the GitHub automation.')),
    notes: Notes(),
  },
  'Organization settings: currency, time zone, exchange rates, departments, policies and rule severities.',
);

export type Org = Static<typeof Org>;
export type ReclaimPolicy = Static<typeof ReclaimPolicy>;
export type RenewalPolicy = Static<typeof RenewalPolicy>;
export type Department = Static<typeof Department>;
export type DirectorySource = Static<typeof DirectorySource>;
