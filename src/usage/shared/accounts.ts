import type { UsageAccount } from '../types.ts';

/**
 * Sorts accounts by `account` (snapshots must be deterministic) and merges duplicates,
 * keeping the first record and warning once per duplicated account.
 */
export function finishAccounts(accounts: UsageAccount[], warnings: string[], vendor: string): UsageAccount[] {
  const byAccount = new Map<string, UsageAccount>();
  const duplicates: string[] = [];
  for (const account of accounts) {
    const key = account.account.toLowerCase();
    if (byAccount.has(key)) duplicates.push(account.account);
    else byAccount.set(key, account);
  }
  if (duplicates.length > 0) {
    const shown = duplicates.slice(0, 5).join(', ');
    warnings.push(
      `${vendor}: ${duplicates.length} account${duplicates.length > 1 ? 's appear' : ' appears'} more than once; kept the first (${shown}${duplicates.length > 5 ? ', ...' : ''})`,
    );
  }
  return [...byAccount.values()].sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
}

/** The snapshot schema's length limits per text field. */
const MAX_LENGTH: Record<string, number> = { account: 320, email: 320, login: 200, name: 200, tier: 100 };

/**
 * Drops undefined fields so snapshots hold only what the vendor said; text fields get their
 * whitespace (line breaks in exported names) collapsed and are clipped to the schema's limits.
 */
export function compact(account: UsageAccount): UsageAccount {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(account)) {
    if (v === undefined) continue;
    const max = MAX_LENGTH[k];
    if (typeof v === 'string' && max !== undefined) {
      const text = v.replace(/\s+/g, ' ').trim();
      if (text !== '') out[k] = text.length > max ? text.slice(0, max) : text;
    } else out[k] = v;
  }
  return out as unknown as UsageAccount;
}
