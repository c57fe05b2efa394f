import type { Escalator } from '../../inventory/schema/index.ts';
import { divRound, parseAmount, type Micros } from '../../util/money.ts';

const HUNDRED = 100_000_000n; // 100 in micros

/** A unit price (micros) after `times` escalations by the contract's escalator, each rounded to the micro; unchanged without one. */
export function escalate(price: Micros, escalator: Escalator | undefined, times: number): Micros {
  if (!escalator || times <= 0) return price;
  const factor = HUNDRED + parseAmount(escalator.percent);
  let p = price;
  for (let i = 0; i < times; i++) p = divRound(p * factor, HUNDRED);
  return p;
}

/** Micros as a decimal string, as a contract line's unit_price is written: at least two decimals, at most six ("10.50", "10.1234"). */
export function microsText(m: Micros): string {
  const neg = m < 0n;
  const a = neg ? -m : m;
  return `${neg ? '-' : ''}${a / 1_000_000n}.${String(a % 1_000_000n).padStart(6, '0').replace(/0{1,4}$/, '')}`;
}
