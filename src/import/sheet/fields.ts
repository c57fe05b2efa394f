/** The columns an import understands, and the kinds of sheet it reads. */
export const FIELDS = ['person', 'email', 'product', 'vendor', 'tier', 'cost', 'currency', 'quantity', 'since', 'start', 'renewal', 'end', 'type', 'status', 'order_number'] as const;
export type Field = (typeof FIELDS)[number];

export const SHEET_KINDS = ['flat', 'people', 'licenses', 'contracts', 'seats'] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];

/** Columns each kind cannot do without. */
export const REQUIRED: Record<SheetKind, Field[]> = {
  flat: ['product'],
  people: ['person', 'email'],
  licenses: ['product'],
  contracts: ['product', 'cost'],
  seats: ['product'],
};

/** Kinds whose rows name a seat holder: by email, or by full name when the sheet has no emails. */
export const HOLDER_KINDS: readonly SheetKind[] = ['flat', 'seats'];

/** Header names spreadsheets use for each field, lowercase, for --guess (English and German, the first users' languages). */
export const SYNONYMS: Record<Field, string[]> = {
  person: ['person', 'name', 'full name', 'user', 'user name', 'employee', 'assigned to', 'owner', 'mitarbeiter', 'benutzer'],
  email: ['email', 'e-mail', 'mail', 'email address', 'e-mail address', 'work email', 'user email', 'e-mail-adresse'],
  product: ['product', 'software', 'application', 'app', 'tool', 'license', 'licence', 'product name', 'software name', 'produkt', 'lizenz'],
  vendor: ['vendor', 'supplier', 'manufacturer', 'publisher', 'provider', 'hersteller', 'lieferant', 'anbieter'],
  tier: ['tier', 'plan', 'edition', 'seat type', 'license tier', 'level', 'stufe'],
  cost: ['cost', 'price', 'unit price', 'cost per seat', 'annual cost', 'price per seat', 'amount', 'kosten', 'preis'],
  currency: ['currency', 'währung', 'waehrung'],
  quantity: ['quantity', 'seats', 'qty', 'licenses bought', 'count', 'anzahl', 'menge'],
  since: ['since', 'assigned', 'assigned on', 'assigned date', 'seat since', 'zugewiesen'],
  start: ['start', 'start date', 'term start', 'purchase date', 'beginn'],
  renewal: ['renewal', 'renewal date', 'renews', 'renews on', 'next renewal', 'verlängerung', 'verlaengerung'],
  end: ['end', 'end date', 'expires', 'expiry', 'expiration', 'expiration date', 'term end', 'ablauf', 'ende'],
  type: ['type', 'license type', 'licensing', 'lizenztyp'],
  status: ['status', 'employment status'],
  order_number: ['order number', 'order', 'po', 'po number', 'bestellnummer'],
};

const normal = (h: string) => h.toLowerCase().replace(/[_\s]+/g, ' ').replace(/[():*]/g, '').trim();

/** The field a header names, or undefined. */
export function fieldOf(header: string): Field | undefined {
  const h = normal(header);
  return FIELDS.find((f) => SYNONYMS[f].includes(h));
}
