import { describe, expect, it } from 'vitest';
import { readAmount, amountOfNumber } from '../../src/import/cells/amount.ts';
import { dateFormatOf, readDate } from '../../src/import/cells/date.ts';
import { slug, unique } from '../../src/import/slug.ts';
import { ID_PATTERN } from '../../src/inventory/schema/common.ts';

describe('amounts as spreadsheets write them, read exactly or refused', () => {
  it.each([
    ['1.234,56 €', 'de-DE', { amount: '1234.56', currency: 'EUR' }],
    ['$540.00', 'en-US', { amount: '540.00', currency: 'USD' }],
    ['1,540.5', 'en-US', { amount: '1540.5' }],
    ['EUR 99', 'fr-FR', { amount: '99', currency: 'EUR' }],
    ['1 234,50', 'fr-FR', { amount: '1234.50' }],
    ['CHF 1’200.00', 'de-CH', { amount: '1200.00', currency: 'CHF' }],
    ['1,234', 'de-DE', { amount: '1.234' }],
  ])('%s in %s', (text, locale, expected) => expect(readAmount(text, locale)).toEqual(expected));

  it.each([
    ['1.234,56', 'en-US'],
    ['540.00', 'de-DE'],
    ['1,23,456.00', 'en-US'],
    ['-40.00', 'en-US'],
    ['(40.00)', 'en-US'],
    ['0.1234567', 'en-US'],
    ['€ 10 USD', 'en-US'],
    ['ten', 'en-US'],
  ])('refuses %s in %s', (text, locale) => expect(readAmount(text, locale)).toHaveProperty('error'));

  it('takes xlsx numbers as written, refusing float noise', () => {
    expect(amountOfNumber(192.5)).toEqual({ amount: '192.5' });
    expect(amountOfNumber(0.1 + 0.2)).toHaveProperty('error');
  });
});

describe('dates in the locale\'s order', () => {
  it('03/01/2026 is March 1st in en-US and January 3rd in en-GB; dotted German dates', () => {
    expect(readDate('03/01/2026', dateFormatOf('en-US'))).toBe('2026-03-01');
    expect(readDate('03/01/2026', dateFormatOf('en-GB'))).toBe('2026-01-03');
    expect(readDate('01.03.2026', dateFormatOf('de-DE'))).toBe('2026-03-01');
    expect(readDate('2026-03-01', 'MM/DD/YYYY')).toBe('2026-03-01');
    expect(readDate('13/01/2026', 'MM/DD/YYYY')).toBeUndefined();
    expect(readDate('01.03.26', 'DD/MM/YYYY')).toBeUndefined();
  });
});

describe('IDs slugged from names', () => {
  it.each([
    ['Adobe Acrobat Pro', 'adobe-acrobat-pro'],
    ['Ärzte-Software GmbH & Co. KG', 'arzte-software-gmbh-co-kg'],
    ['CON', 'con-app'],
    ['nul', 'nul-app'],
    ['backup.lock', 'backup-app'],
    ['日本語', 'unnamed'],
  ])('%s → %s', (name, id) => {
    expect(slug(name)).toBe(id);
    expect(new RegExp(ID_PATTERN).test(slug(name))).toBe(true);
  });

  it('numbers the second holder of an ID', () => {
    const taken = new Set(['office']);
    expect([unique('office', taken), unique('office', taken)]).toEqual(['office-2', 'office-3']);
  });
});
