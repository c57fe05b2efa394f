// A copy of src/analysis/report/split.ts until the report module lands; then import it from there.
import type { Micros } from '../../util/money.ts';

/**
 * Splits an amount into `n` parts that differ by at most one micro and add up to it exactly
 * (the first `remainder` parts carry the extra micro), so that chargeback rows always reconcile.
 */
export function splitEvenly(total: Micros, n: number): Micros[] {
  if (n <= 0) return [];
  const count = BigInt(n);
  const negative = total < 0n;
  const abs = negative ? -total : total;
  const base = abs / count;
  const remainder = Number(abs % count);
  return Array.from({ length: n }, (_, i) => {
    const part = base + (i < remainder ? 1n : 0n);
    return negative ? -part : part;
  });
}
