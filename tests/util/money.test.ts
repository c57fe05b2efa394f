import { describe, expect, it } from 'vitest';
import { convert, formatMoney, mul, parseAmount, ratio, toDecimal } from '../../src/util/money.ts';

describe('money', () => {
  it('parses decimal strings and numbers exactly', () => {
    expect(parseAmount('540.00')).toBe(540_000_000n);
    expect(parseAmount(0.1)).toBe(100_000n);
    expect(parseAmount('0.000001')).toBe(1n);
    expect(() => parseAmount('5,00')).toThrow('not a decimal amount');
  });
  it('multiplies and converts without floating-point error', () => {
    expect(toDecimal(mul(parseAmount('0.1'), parseAmount('3')), 'EUR')).toBe('0.30');
    expect(toDecimal(convert(parseAmount('540.00'), 'USD', 'EUR', { USD: '0.92' }), 'EUR')).toBe('496.80');
    expect(toDecimal(ratio(parseAmount('1000'), 12, 36), 'EUR')).toBe('333.33');
    expect(() => convert(1n, 'GBP', 'EUR', {})).toThrow('no exchange rate for GBP');
  });
  it('rounds half away from zero to the currency minor unit', () => {
    expect(toDecimal(parseAmount('0.005'), 'EUR')).toBe('0.01');
    expect(toDecimal(-parseAmount('0.005'), 'EUR')).toBe('-0.01');
    expect(toDecimal(parseAmount('1234.5'), 'JPY')).toBe('1235');
    expect(formatMoney(parseAmount('1234567.891'), 'EUR')).toBe('1,234,567.89 EUR');
  });
});
