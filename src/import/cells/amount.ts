/** What a spreadsheet's amount cell says: a plain decimal ("1234.56") and the currency it names, if any. */
export type AmountRead = { amount: string; currency?: string } | { error: string };

const SYMBOLS: Record<string, string> = { '€': 'EUR', '$': 'USD', 'US$': 'USD', '£': 'GBP', '¥': 'JPY', 'CHF': 'CHF', 'Fr.': 'CHF' };
const SPACES = /[\s\u00a0\u202f\u2009]/g;

// Building an Intl.NumberFormat costs more than reading a thousand cells: once per locale.
const byLocale = new Map<string, { group: string; decimal: string; pattern: RegExp }>();

/** The group and decimal separators of a locale (de-DE: "." and ","), from the runtime's CLDR data. */
export function separators(locale: string): { group: string; decimal: string; pattern: RegExp } {
  const known = byLocale.get(locale);
  if (known) return known;
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const found = { group: /^[\s\u00a0\u202f\u2009]$/.test(group) ? ' ' : group, decimal };
  const [g, d] = [escape(found.group), escape(decimal)];
  const result = { ...found, pattern: new RegExp(`^(\\d{1,3}(?:${g}\\d{3})+|\\d+)(?:${d}(\\d+))?$`) };
  byLocale.set(locale, result);
  return result;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Reads "1.234,56 €" (de-DE), "$540.00" (en-US), "EUR 99" the way the locale writes numbers.
 * Anything that does not fit the locale exactly (a stray separator, a group of two digits,
 * more than six decimals, a sign) is an error, never a guess: a wrong amount must not pass.
 */
export function readAmount(text: string, locale: string): AmountRead {
  let rest = text.trim();
  let currency: string | undefined;
  const code = /^([A-Z]{3})\s*|\s*([A-Z]{3})$/.exec(rest);
  if (code) {
    currency = code[1] ?? code[2];
    rest = rest.replace(code[0], '');
  }
  for (const [symbol, iso] of Object.entries(SYMBOLS)) {
    if (rest.startsWith(symbol) || rest.endsWith(symbol)) {
      if (currency !== undefined && currency !== iso) return { error: `names two currencies (${currency} and ${symbol})` };
      currency = iso;
      rest = rest.startsWith(symbol) ? rest.slice(symbol.length) : rest.slice(0, -symbol.length);
      break;
    }
  }
  rest = rest.trim();
  if (/^[-(−]|-$|\)$/.test(rest)) return { error: 'is negative; lac records prices, not credits' };
  const { group, decimal, pattern } = separators(locale);
  // Spaces of every width group French digits; Swiss sheets write the apostrophe straight or curly.
  const plain = group === ' ' ? rest.replace(SPACES, ' ') : /^['’]$/.test(group) ? rest.replace(/['’]/g, group) : rest;
  const m = pattern.exec(plain);
  if (!m) return { error: `does not read as an amount in ${locale} (thousands "${group}", decimals "${decimal}")` };
  const fraction = m[2] ?? '';
  if (fraction.length > 6) return { error: 'has more than six decimals' };
  const whole = m[1]!.split(group).join('').replace(/^0+(?=\d)/, '');
  return { amount: fraction ? `${whole}.${fraction}` : whole, ...(currency ? { currency } : {}) };
}

/** A number read from an .xlsx cell as a plain decimal; an error past six decimals (a computed share, not a price). */
export function amountOfNumber(n: number): AmountRead {
  if (!Number.isFinite(n) || n < 0) return { error: 'is not a non-negative number' };
  const text = String(n);
  if (/e/i.test(text)) return { error: 'is too large or too small to be a price' };
  const fraction = text.split('.')[1] ?? '';
  return fraction.length > 6 ? { error: `has more than six decimals (${text}); round it in the sheet` } : { amount: text };
}
