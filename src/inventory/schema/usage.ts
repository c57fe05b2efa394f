import Type, { type Static } from 'typebox';
import { Closed, Id, Instant, IsoDate, OneOf, Text } from './common.ts';

export const ACCOUNT_STATUSES = ['active', 'suspended', 'deactivated', 'invited', 'guest'] as const;

export const Account = Closed(
  {
    account: Text('The vendor\'s identifier of the account (login, email or id).', 320),
    person: Type.Optional(Id('The person this account was matched to; absent when unmatched.')),
    email: Type.Optional(Text('Email the vendor reports.', 320)),
    login: Type.Optional(Text('Login the vendor reports.', 200)),
    name: Type.Optional(Text('Display name the vendor reports.', 200)),
    tier: Type.Optional(Text('Tier as reported by the vendor, mapped to a tier ID where possible.', 100)),
    status: Type.Optional(OneOf(ACCOUNT_STATUSES, 'Account status at the vendor: suspended is disabled, deactivated is deprovisioned.')),
    last_active: Type.Optional(Type.Union([IsoDate('Last day with activity.'), Type.Null()], { description: 'Last day with activity; null when the vendor says never.', 'x-expected': 'a date YYYY-MM-DD, or null for never' })),
    pending_cancellation: Type.Optional(IsoDate('The day a seat already cancelled at the vendor ends (GitHub Copilot `pending_cancellation_date`).')),
    signals: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]*$' }), Type.Number(), { description: 'Usage signals for rightsizing (e.g. edits_90d).' })),
  },
  'One account at the vendor.',
);

export const Peak = Closed(
  {
    date: IsoDate('Day.'),
    tier: Type.Optional(Id('Tier the features in use count as (license-server sources); absent: the license as a whole.')),
    in_use: Type.Integer({ minimum: 0, description: 'Peak seats in use that day.' }),
    hours: Type.Optional(Type.Number({ minimum: 0, description: 'Seat-hours in use that day (license-server logs), to one decimal.' })),
    users: Type.Optional(Type.Integer({ minimum: 0, description: 'Distinct users holding a seat that day.' })),
    denials: Type.Optional(Type.Integer({ minimum: 0, description: 'Checkouts refused that day because every seat was taken (license-server logs).' })),
  },
  'Peak concurrent use on a day.',
);

export const Usage = Closed(
  {
    license: Id('License ID.'),
    source: Text('Connector that produced the snapshot.', 50),
    taken: Instant('When the snapshot was taken (UTC).'),
    accounts: Type.Array(Account, { description: 'Accounts sorted by `account`, one line each.' }),
    peaks: Type.Optional(Type.Array(Peak, { description: 'Daily peak concurrent use (concurrent licenses), per tier where the source knows it.' })),
    vendor_entitled: Type.Optional(Type.Record(Type.String(), Type.Integer({ minimum: 0 }), { description: 'Units the vendor says we are entitled to, per tier.' })),
  },
  'A usage snapshot written by `lac pull`; its git history is the usage time series.',
);

export type Account = Static<typeof Account>;
export type Usage = Static<typeof Usage>;
export type Peak = Static<typeof Peak>;
