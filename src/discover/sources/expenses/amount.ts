import { parseAmount, type Micros } from '../../../util/money.ts';

/**
 * An amount as expense exports write it ("$540.00", "1,234.56", "1.234,56 €", "(12.00)", "-12.00")
 * with the decimal mark stated by the configuration; undefined when the text is anything else,
 * so that a wrong amount is refused rather than read.
 */
export function parseExpenseAmount(text: string, decimal: '.' | ','): Micros | undefined {
  let t = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1);
  }
  t = t.replace(/^[A-Z]{3}|[A-Z]{3}$/g, '').replace(/^[$€£¥]|[$€£¥]$/g, '');
  if (t.startsWith('-')) {
    negative = !negative;
    t = t.slice(1);
  }
  t = t.replace(/^[$€£¥]/, '');
  const thousands = decimal === '.' ? ',' : '.';
  if (!new RegExp(`^\\d{1,3}(?:\\${thousands}\\d{3})*(?:\\${decimal}\\d{1,6})?$|^\\d+(?:\\${decimal}\\d{1,6})?$`).test(t)) return undefined;
  const plain = t.split(thousands).join('').replace(decimal, '.');
  const micros = parseAmount(plain);
  return negative ? -micros : micros;
}

/** A merchant name without card-processor prefixes (SQ *, PAYPAL *, TST*) and trailing phone or reference numbers. */
export function cleanMerchant(merchant: string): string {
  return merchant
    .trim()
    .replace(/^(?:sq|tst|paypal|pp|sp|dd)\s*\*\s*/i, '')
    .replace(/(?:\s+[#*]?[\d-]{4,})+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
