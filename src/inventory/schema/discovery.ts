import Type, { type Static } from 'typebox';
import { Closed, Currency, Decimal, Domain, Id, IsoDate, OneOf, Text } from './common.ts';

export const DISCOVERY_SOURCES = ['okta', 'google-workspace', 'entra-id', 'expenses'] as const;

export const DiscoverySource = Closed(
  {
    id: Id('Names the snapshot, inventory/discovered/<id>.yaml, and `lac discover --source`.'),
    source: OneOf(DISCOVERY_SOURCES, 'Where the apps are read from: Okta app assignments, Google Workspace OAuth token events, Microsoft Entra delegated permission grants, or an expense/card export (CSV).'),
    config: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'Source settings (base URL, admin subject, file path, preset, column names); never secrets, which come from the environment.' })),
  },
  'One source of software in use, read by `lac discover`.',
);

export const IgnoredApp = Closed(
  {
    app: Text('The app as `lac discover` lists it: its ID in the snapshot or its name (case aside).', 200),
    reason: Text('Why it needs no license record (e.g. "free tier, approved by security").', 500),
  },
  'An app the `undeclared-app` rule and discovery issues leave alone.',
);

export const Discovery = Closed(
  {
    sources: Type.Array(DiscoverySource, { description: 'The discovery sources, each with a unique id.', minItems: 1 }),
    work_domains: Type.Optional(Type.Array(Domain('An email domain of the organization\'s accounts.'), { description: 'Email domains of work accounts; OAuth grants by any other account (gmail.com, ...) are counted but never named.', uniqueItems: true })),
    min_users: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'An app used by at least this many people is reported when no vendor or license declares it (default 3); any recurring spend is reported regardless.' })),
    ignore: Type.Optional(Type.Array(IgnoredApp, { description: 'Apps deliberately left out of the inventory, each with the reason.' })),
  },
  'Discovery of software in use that the inventory does not declare (`lac discover`).',
);

export const DiscoveredApp = Closed(
  {
    app: Id('Stable ID of the app within its source (slug of the source\'s own id or name).'),
    name: Text('The app\'s name as the source shows it (a merchant name for expenses).', 200),
    domain: Type.Optional(Domain('The domain the app is served on, where the source tells it.')),
    users: Type.Integer({ minimum: 0, description: 'Distinct work accounts (or employees, for expenses) using the app.' }),
    all_users: Type.Optional(Type.Boolean({ description: 'An administrator consented for every user of the organization (Entra `AllPrincipals`).' })),
    first_seen: IsoDate('First day any source run saw the app (kept across runs).'),
    last_seen: IsoDate('Last day the app was seen in use.'),
    spend_90d: Type.Optional(Decimal('Spend in the 90 days up to the run, in the snapshot currency.')),
    recurring: Type.Optional(Type.Boolean({ description: 'Charged in at least two different months of those 90 days.' })),
  },
  'One app seen by a discovery source.',
);

export const Discovered = Closed(
  {
    source: Id('The discovery source id in org.yaml; the file name without .yaml.'),
    kind: OneOf(DISCOVERY_SOURCES, 'Which kind of source produced it.'),
    as_of: IsoDate('The day the snapshot was taken (--today).'),
    currency: Type.Optional(Currency('Currency of every spend_90d (the org currency).')),
    outside_work_domains: Type.Optional(Type.Integer({ minimum: 0, description: 'Grants by accounts outside the work domains (personal accounts): counted, never named.' })),
    apps: Type.Array(DiscoveredApp, { description: 'Apps sorted by `app`, one line each.' }),
  },
  'A discovery snapshot written by `lac discover`; its git history is the time series.',
);

export type Discovery = Static<typeof Discovery>;
export type DiscoverySource = Static<typeof DiscoverySource>;
export type DiscoveredApp = Static<typeof DiscoveredApp>;
export type Discovered = Static<typeof Discovered>;
