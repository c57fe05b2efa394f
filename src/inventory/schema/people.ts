import Type, { type Static } from 'typebox';
import { Closed, Email, Id, IsoDate, OneOf, Text } from './common.ts';

export const PERSON_STATUSES = ['active', 'on-leave', 'leaver'] as const;

export const Person = Closed(
  {
    id: Id('Stable person ID, referenced by assignments and owners.'),
    name: Text('Full name.', 200),
    email: Email('Work email; the first key for matching vendor accounts.'),
    directory_id: Type.Optional(Text('The stable ID of this person in the directory source (org.yaml `directory`); `lac people pull` matches on it first.', 200)),
    aliases: Type.Optional(Type.Array(Text('Another email or username this person has in some vendor.', 200), { description: 'Other emails and usernames, for matching vendor accounts.', uniqueItems: true })),
    github: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$', description: 'GitHub login, for mentions, reviewers and Copilot matching.', 'x-expected': 'a GitHub login' })),
    department: Type.Optional(Id('Department ID from org.yaml.')),
    cost_centre: Type.Optional(Text('Cost centre charged for this person\'s seats (overrides the department\'s).', 64)),
    manager: Type.Optional(Id('Person ID of the manager.')),
    title: Type.Optional(Text('Job title.', 200)),
    location: Type.Optional(Text('Where the person works (office or country), for access policies.', 100)),
    employment_type: Type.Optional(Text('employee, contractor, intern..., for access policies.', 50)),
    groups: Type.Optional(Type.Array(Text('A group.', 100), { description: 'Groups the person is in, for access policies.', uniqueItems: true })),
    status: OneOf(PERSON_STATUSES, 'Employment status: active, on-leave or leaver.'),
    start: Type.Optional(IsoDate('First working day.')),
    end: Type.Optional(IsoDate('Last working day (leavers, or a known future leaving date).')),
  },
  'A person in the directory.',
);

export const People = Closed(
  { people: Type.Array(Person, { description: 'Everyone who can hold a seat or own a license. One line per person.' }) },
  'The people directory.',
);

export type Person = Static<typeof Person>;
export type People = Static<typeof People>;
