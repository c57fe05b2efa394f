import type { DateFormat } from '../../../usage/import/dates.ts';

export interface ExpenseColumns {
  merchant: string;
  amount: string;
  currency?: string;
  date: string;
  employee: string;
}

export interface ExpensePreset {
  columns: ExpenseColumns;
  dateFormat: DateFormat;
}

/**
 * Column names of common expense and card exports. Each can be overridden key by key with
 * `config.columns`; `preset: custom` takes every name from there.
 */
export const EXPENSE_PRESETS: Record<string, ExpensePreset> = {
  // Expensify: an export template with the expense-level fields Date, Merchant, Amount, Currency and the submitter's email.
  expensify: { columns: { date: 'Date', merchant: 'Merchant', amount: 'Amount', currency: 'Currency', employee: 'Email' }, dateFormat: 'iso' },
  // SAP Concur: the expense entry report (Transaction Date, Vendor, Amount, Currency, Employee).
  concur: { columns: { date: 'Transaction Date', merchant: 'Vendor', amount: 'Amount', currency: 'Currency', employee: 'Employee' }, dateFormat: 'MM/DD/YYYY' },
  // Ramp: the card transactions CSV (Date, Merchant, Amount, Currency, User).
  ramp: { columns: { date: 'Date', merchant: 'Merchant', amount: 'Amount', currency: 'Currency', employee: 'User' }, dateFormat: 'iso' },
  // Brex: the card transactions CSV (Date, Merchant, Amount, Currency, Cardholder).
  brex: { columns: { date: 'Date', merchant: 'Merchant', amount: 'Amount', currency: 'Currency', employee: 'Cardholder' }, dateFormat: 'MM/DD/YYYY' },
};
