import Type, { type Static } from 'typebox';
import { Closed, Id, Notes, OneOf, Text } from './common.ts';

export const APPROVAL_MODES = ['automatic', 'owner-review'] as const;

const Ids = (description: string) => Type.Array(Id('An ID.'), { description, uniqueItems: true, minItems: 1 });
const Texts = (description: string) => Type.Array(Text('A value; `*` matches any run of characters.', 200), { description, uniqueItems: true, minItems: 1 });

/** Who a policy is about: every condition given must hold (any of its values). */
export const PolicyMatch = Closed(
  {
    departments: Type.Optional(Ids('Department IDs from org.yaml.')),
    titles: Type.Optional(Texts('Job titles, e.g. "*Engineer*".')),
    locations: Type.Optional(Texts('Locations, as people.yaml writes them.')),
    employment_types: Type.Optional(Texts('Employment types, e.g. employee, contractor.')),
    groups: Type.Optional(Texts('Groups the person is in.')),
  },
  'Who the policy is about; every condition given must hold. An empty match means everyone.',
);

export const PolicySeat = Closed(
  {
    license: Id('License ID.'),
    tier: Type.Optional(Id('Tier ID; for `forbid`, leaving it out means every tier.')),
  },
  'A license and tier.',
);

export const Policy = Closed(
  {
    id: Id('Policy ID; the file name.'),
    name: Text('What the policy says, in a few words.', 200),
    match: PolicyMatch,
    grant: Type.Optional(Type.Array(PolicySeat, { description: 'Seats every matching person should hold (a tier is required).' })),
    forbid: Type.Optional(Type.Array(PolicySeat, { description: 'Seats no matching person may hold.' })),
    except: Type.Optional(Ids('People the policy does not apply to.')),
    approval: Type.Optional(OneOf(APPROVAL_MODES, 'How its seat changes are approved: automatic, or a review by the license owner (default).')),
    grace_days: Type.Optional(Type.Integer({ minimum: 0, maximum: 365, description: 'Days a mover keeps seats this policy no longer grants before they are dropped.' })),
    notes: Notes(),
  },
  'An access policy: which licenses and tiers people should (or must not) hold.',
);

export type Policy = Static<typeof Policy>;
export type PolicySeat = Static<typeof PolicySeat>;
