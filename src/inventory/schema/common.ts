import Type, { type TSchema } from 'typebox';
import { ID_PATTERN } from './kind-table.ts';

export { ID_PATTERN } from './kind-table.ts';

export const Id = (description: string) =>
  Type.String({ pattern: ID_PATTERN, maxLength: 64, description, 'x-expected': 'an ID: lowercase letters and digits, joined by ".", "-" or "_", not ending in ".lock", not a Windows device name such as "con" or "nul" (e.g. "figma", "ada.lovelace")' });

export const IsoDate = (description: string) =>
  Type.String({ format: 'date', description, 'x-expected': 'a calendar date YYYY-MM-DD' });

export const Instant = (description: string) =>
  Type.String({ format: 'date-time', description, 'x-expected': 'a UTC instant such as 2026-11-20T06:00:00Z' });

/** The largest amount (a price, a rate) lac accepts: sums over 10,000,000 seats stay exact and printable. */
export const MAX_AMOUNT = 1_000_000_000;

/** The most seats one contract line can buy; more is "unlimited". */
export const MAX_QUANTITY = 10_000_000;

/** Money as a non-negative decimal up to MAX_AMOUNT: a string ("540.00") keeps it exact; a plain number is accepted too. */
export const Decimal = (description: string) =>
  Type.Unsafe<string | number>({
    description,
    type: ['string', 'number'],
    pattern: '^(?:[0-9]{1,9}(\\.[0-9]{1,6})?|1000000000(\\.0{1,6})?)$',
    minimum: 0,
    maximum: MAX_AMOUNT,
    'x-expected': 'a non-negative amount up to 1000000000 such as "540.00"',
  });

export const Currency = (description: string) =>
  Type.String({ pattern: '^[A-Z]{3}$', description, 'x-expected': 'an ISO 4217 currency code such as EUR' });

export const Email = (description: string) => Type.String({ format: 'email', description });

export const Text = (description: string, maxLength = 2000) => Type.String({ minLength: 1, maxLength, description });

/** A DNS name in lowercase, without scheme or path (figma.com). */
export const Domain = (description: string) =>
  Type.String({ pattern: '^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$', description, 'x-expected': 'a domain name in lowercase such as figma.com' });

export const Url = (description: string) => Type.String({ format: 'uri', description });

/** A string enum with a single `enum` keyword (clearer errors than a union of literals). */
export function OneOf<const T extends readonly string[]>(values: T, description: string) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], description });
}

export const Count = (description: string) => Type.Integer({ minimum: 0, description });

/** A closed object: unknown properties are rejected (so typos are caught). */
export function Closed<P extends Record<string, TSchema>>(properties: P, description: string) {
  return Type.Object(properties, { additionalProperties: false, description });
}

export const Notes = () => Type.Optional(Text('Free-text notes for the people who maintain this record.', 4000));
