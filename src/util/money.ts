/**
 * Exact money arithmetic: amounts are bigint millionths ("micros") of a currency unit, so that
 * prices with up to six decimals and exchange rates multiply without floating-point error.
 */
export type Micros = bigint;

const SCALE = 1_000_000n;
const DECIMAL = /^(-)?(\d+)(?:\.(\d{1,6}))?$/;

/** "540.00", "0.92" or 540 → micros. Throws on anything else (the schema has already checked it). */
export function parseAmount(value: string | number): Micros {
  const text = typeof value === 'number' ? numberText(value) : value.trim();
  const m = DECIMAL.exec(text);
  if (!m) throw new Error(`not a decimal amount: ${String(value)}`);
  const micros = BigInt(m[2]!) * SCALE + BigInt((m[3] ?? '').padEnd(6, '0'));
  return m[1] ? -micros : micros;
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a decimal amount: ${n}`);
  // toFixed(6) is exact for the amounts the schema allows (at most six decimals).
  return n.toFixed(6);
}

/** Divides with rounding half away from zero. */
export function divRound(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new Error('division by zero');
  const negative = a < 0n !== b < 0n;
  const [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  const q = (x * 2n + y) / (y * 2n);
  return negative ? -q : q;
}

/** a × b, both in micros. */
export const mul = (a: Micros, b: Micros): Micros => divRound(a * b, SCALE);

/** An amount times a whole count (seats, months). */
export const times = (a: Micros, n: number): Micros => a * BigInt(Math.round(n));

/** An amount scaled by a ratio of whole numbers (e.g. 12 / 36 months). */
export const ratio = (a: Micros, num: number, den: number): Micros => divRound(a * BigInt(num), BigInt(den));

export const sum = (values: Iterable<Micros>): Micros => {
  let total = 0n;
  for (const v of values) total += v;
  return total;
};

// Intl.NumberFormat is slow to build; a report of thousands of amounts asks for few currencies.
const digitsByCurrency = new Map<string, number>();

/** Decimal places of a currency's minor unit (EUR 2, JPY 0, ...), from the runtime's ISO 4217 data. */
export function minorDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** Rounds to the currency's minor unit and writes it as a plain decimal string ("1234.50"). */
export function toDecimal(amount: Micros, currency: string): string {
  const digits = minorDigits(currency);
  const unit = 10n ** BigInt(6 - digits);
  const minor = divRound(amount, unit);
  const negative = minor < 0n;
  const abs = (negative ? -minor : minor).toString().padStart(digits + 1, '0');
  const text = digits === 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
  return negative ? `-${text}` : text;
}

/** For people: "1,234.50 EUR". */
export function formatMoney(amount: Micros, currency: string): string {
  const [int, frac] = toDecimal(amount, currency).split('.');
  const negative = int!.startsWith('-');
  const grouped = (negative ? int!.slice(1) : int!).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''} ${currency}`;
}

/** Converts an amount into the org currency with a rate "value of one unit in org currency". */
export function convert(amount: Micros, from: string, to: string, rates: Record<string, string | number>): Micros {
  if (from === to) return amount;
  const rate = rates[from];
  if (rate === undefined) throw new Error(`no exchange rate for ${from}`);
  return mul(amount, parseAmount(rate));
}
