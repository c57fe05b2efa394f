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

/** Drops undefined fields so snapshots hold only what the vendor said. */
export function compact(account: UsageAccount): UsageAccount {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(account)) if (v !== undefined) out[k] = v;
  return out as unknown as UsageAccount;
}
