import Type, { type Static } from 'typebox';
import { Closed, Currency, Decimal, Id, IsoDate, MAX_QUANTITY, Notes, OneOf, Text, Url } from './common.ts';

export const BILLING_PERIODS = ['monthly', 'quarterly', 'annual', 'multi-year', 'one-time'] as const;
export const PRICE_PERIODS = ['month', 'year', 'term', 'one-time'] as const;
export const DECISIONS = ['undecided', 'renew', 'renegotiate', 'cancel'] as const;

export const ContractLine = Closed(
  {
    license: Id('License ID.'),
    tier: Id('Tier ID of that license.'),
    quantity: Type.Unsafe<number | 'unlimited'>({ anyOf: [{ type: 'integer', minimum: 0, maximum: MAX_QUANTITY }, { const: 'unlimited' }], description: 'Seats bought (0 to 10000000), or "unlimited" for site/enterprise terms.', 'x-expected': 'a whole number of seats from 0 to 10000000, or "unlimited"' }),
    unit_price: Decimal('Price per seat per price_period, in the contract currency ("0" for free tiers).'),
    price_period: Type.Optional(OneOf(PRICE_PERIODS, 'What unit_price covers: month, year (default), the whole term, or one-time.')),
    pack_size: Type.Optional(Type.Integer({ minimum: 1, description: 'Seats are sold in packs of this size.' })),
    maintenance: Type.Optional(Type.Boolean({ description: 'This line pays maintenance and support for seats bought under another contract (a perpetual license): it costs money but entitles no seats.' })),
    notes: Notes(),
  },
  'One line of the order: seats of a tier at a price.',
);

export const Notice = Type.Unsafe<{ days: number } | { months: number }>({
  type: 'object',
  description: 'Notice period before the renewal date: { days: N } or { months: N }.',
  'x-expected': '{ days: N } or { months: N }',
  minProperties: 1,
  maxProperties: 1,
  additionalProperties: false,
  properties: {
    days: { type: 'integer', minimum: 0, maximum: 730, description: 'Notice period in days.' },
    months: { type: 'integer', minimum: 0, maximum: 24, description: 'Notice period in calendar months.' },
  },
});

/**
 * A price escalator: the unit prices rise at each renewal. Only renewal terms escalate (the
 * written term's prices are the ones in the file): `lac forecast` applies it, `lac report`
 * accrues the file as written.
 */
export const Escalator = Closed(
  {
    percent: Type.Number({ exclusiveMinimum: 0, maximum: 100, description: 'Rise of every unit price at each renewal, in percent (5 for 5%; decimals past the sixth are rounded): the first renewal term costs the written price × (1 + percent/100), the next one that again.', 'x-expected': 'a percentage above 0 and up to 100, such as 5 or 3.5' }),
    notes: Notes(),
  },
  'Price escalator from the contract: the unit prices rise by `percent` at each renewal, compounding.',
);

export const Contract = Closed(
  {
    id: Id('Contract ID; the file name without .yaml.'),
    vendor: Id('Vendor ID.'),
    title: Type.Optional(Text('Short title, e.g. "Figma Organization 2025-26".', 200)),
    owner: Type.Optional(Id('The person who answers for renewal decisions.')),
    currency: Currency('Currency of the prices in this contract.'),
    start: IsoDate('First day of the current term.'),
    end: Type.Optional(IsoDate('Last day of the current term (absent for one-time perpetual purchases).')),
    term_months: Type.Optional(Type.Integer({ minimum: 1, maximum: 120, description: 'Length of a renewal term in months (default: the current term\'s length).' })),
    auto_renew: Type.Optional(Type.Boolean({ description: 'Renews by itself unless cancelled before the notice period.' })),
    notice: Type.Optional(Notice),
    billing_period: Type.Optional(OneOf(BILLING_PERIODS, 'How it is invoiced: monthly, quarterly, annual, multi-year or one-time.')),
    po_number: Type.Optional(Text('Purchase order number.', 100)),
    order_number: Type.Optional(Text('Vendor order form or quote number.', 100)),
    signed: Type.Optional(IsoDate('Date the order was signed.')),
    signed_by: Type.Optional(Id('Person who signed.')),
    documents: Type.Optional(Type.Array(Closed({ title: Text('Document title.', 200), url: Url('Link to the order form, MSA or invoice.') }, 'A document.'), { description: 'Order forms, MSAs, invoices.' })),
    lines: Type.Array(ContractLine, { minItems: 1, description: 'What was bought.' }),
    renewal: Type.Optional(Closed(
      {
        decision: OneOf(DECISIONS, 'undecided, renew, renegotiate or cancel.'),
        decided_by: Type.Optional(Id('Person who decided.')),
        decided_on: Type.Optional(IsoDate('Date of the decision.')),
        notes: Notes(),
      },
      'The renewal decision for the term ending on `end`.',
    )),
    escalator: Type.Optional(Escalator),
    previous: Type.Optional(Id('The contract this one renews or replaces.')),
    notes: Notes(),
  },
  'Commercial terms with a vendor: lines, prices, term, renewal and notice.',
);

export type Contract = Static<typeof Contract>;
export type ContractLine = Static<typeof ContractLine>;
export type Escalator = Static<typeof Escalator>;
export type Decision = (typeof DECISIONS)[number];
