import Type, { type Static } from 'typebox';
import { Closed, Email, Id, Notes, Text, Url } from './common.ts';

export const Contact = Closed(
  {
    name: Text('Contact name.', 200),
    role: Type.Optional(Text('Role, e.g. account manager, support, billing.', 100)),
    email: Type.Optional(Email('Contact email.')),
    phone: Type.Optional(Text('Phone number.', 50)),
  },
  'A person at the vendor.',
);

export const Vendor = Closed(
  {
    id: Id('Vendor ID; the file name without .yaml.'),
    name: Text('Legal or trading name.', 200),
    website: Type.Optional(Url('Vendor website.')),
    support_url: Type.Optional(Url('Where to open a support case.')),
    account_id: Type.Optional(Text('Our customer or account number at the vendor.', 100)),
    contacts: Type.Optional(Type.Array(Contact, { description: 'People at the vendor.' })),
    notes: Notes(),
  },
  'A software vendor.',
);

export type Vendor = Static<typeof Vendor>;
export type Contact = Static<typeof Contact>;
