import Type, { type Static } from 'typebox';
import { Closed, Domain, Email, Id, Notes, Text, Url } from './common.ts';

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
    domains: Type.Optional(Type.Array(Domain('A domain the vendor\'s apps sign in from or are served on; subdomains match too.'), { description: 'Domains that identify this vendor\'s apps in discovery sources (`lac discover`), e.g. figma.com.', uniqueItems: true })),
    aliases: Type.Optional(Type.Array(Text('A name as it appears on card statements or in app catalogs, e.g. "FIGMA INC" or "Figma Design".', 200), { description: 'Other names of the vendor or its apps (card merchants, OAuth app names) that `lac discover` matches, case and punctuation aside.', uniqueItems: true })),
    notes: Notes(),
  },
  'A software vendor.',
);

export type Vendor = Static<typeof Vendor>;
export type Contact = Static<typeof Contact>;
