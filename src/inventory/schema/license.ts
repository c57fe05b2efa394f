import Type, { type Static } from 'typebox';
import { Closed, Decimal, Id, IsoDate, Notes, OneOf, Text, Url } from './common.ts';
import { ReclaimPolicy } from './org.ts';

export const LICENSE_TYPES = ['subscription', 'named-user', 'concurrent', 'device', 'perpetual', 'site', 'usage-based'] as const;
export const USAGE_SOURCES = ['none', 'github-copilot', 'github-enterprise', 'okta', 'google-workspace', 'microsoft-365', 'slack', 'zoom', 'csv', 'json', 'flexnet', 'rlm'] as const;

export const Tier = Closed(
  {
    id: Id('Tier ID, referenced by contract lines and assignments (e.g. full, viewer).'),
    name: Text('Tier name as the vendor calls it.', 100),
    rank: Type.Optional(Type.Integer({ minimum: 0, maximum: 100, description: 'Higher is more capable; used to tell an upgrade from a downgrade.' })),
    list_price: Type.Optional(Decimal('List price per seat and year, in the license\'s contract currency, when no contract line gives one.')),
    rightsize: Type.Optional(Closed(
      {
        to: Id('The cheaper tier to propose.'),
        when_signals_at_most: Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]*$' }), Type.Number({ minimum: 0 }), { description: 'Propose the downgrade when every one of these usage signals is at most the given value.' }),
      },
      'When a seat in this tier is used so lightly that a cheaper tier fits.',
    )),
  },
  'A tier (edition, seat type) of the product.',
);

export const UsageSource = Closed(
  {
    source: OneOf(USAGE_SOURCES, 'Where `lac pull` reads usage from.'),
    config: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'Connector settings (org, app id, column mapping...); never secrets.' })),
    tiers: Type.Optional(Type.Record(Type.String(), Id('Tier ID.'), { description: 'Maps the vendor\'s plan names to this license\'s tier IDs.' })),
    features: Type.Optional(Type.Record(Type.String({ minLength: 1, maxLength: 100 }), Id('Tier ID.'), { minProperties: 1, description: 'License-server sources (flexnet, rlm): the features (products) of this license and the tier each counts as; other features in the file belong to other licenses.' })),
  },
  'The usage source of this license.',
);

export const License = Closed(
  {
    id: Id('License ID; the file name without .yaml.'),
    name: Text('Product name.', 200),
    vendor: Id('Vendor ID (inventory/vendors/<id>.yaml).'),
    type: OneOf(LICENSE_TYPES, 'How the product is licensed: subscription, named-user, concurrent, device, perpetual, site or usage-based.'),
    description: Type.Optional(Text('What the product is used for.', 1000)),
    owner: Type.Optional(Id('The person who answers for this license: renewals, reclaim reviews.')),
    owner_team: Type.Optional(Type.String({ pattern: '^@[A-Za-z0-9-]+/[A-Za-z0-9._-]+$', description: 'GitHub team (@org/team) that reviews changes to this license, in addition to the owner.', 'x-expected': 'a GitHub team such as @acme/design-ops' })),
    tiers: Type.Array(Tier, { minItems: 1, description: 'Seat tiers; a product with one kind of seat has one tier.' }),
    maintenance: Type.Optional(Closed(
      { start: IsoDate('Maintenance term start.'), end: IsoDate('Maintenance term end: updates and support stop after it.'), contract: Type.Optional(Id('Contract that pays for maintenance.')) },
      'Maintenance and support term of a perpetual license.',
    )),
    usage: Type.Optional(UsageSource),
    reclaim: Type.Optional(ReclaimPolicy),
    admin_url: Type.Optional(Url('Admin console where seats are managed.')),
    tags: Type.Optional(Type.Array(Text('A tag.', 50), { uniqueItems: true, description: 'Free tags (e.g. security, design).' })),
    retired: Type.Optional(IsoDate('Date the product stopped being used; retired licenses hold no seats.')),
    notes: Notes(),
  },
  'A product entitlement: what we license from a vendor, its tiers, owner, usage source and reclaim policy.',
);

export type License = Static<typeof License>;
export type Tier = Static<typeof Tier>;
export type LicenseType = (typeof LICENSE_TYPES)[number];
