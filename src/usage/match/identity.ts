import type { Person } from '../../inventory/schema/index.ts';
import type { UsageAccount } from '../types.ts';

/** Looks people up by email, alias and GitHub login, case-insensitively. */
export interface IdentityIndex {
  find(key: string): string | undefined;
  /** Keys that more than one person claims: never matched, reported instead. */
  ambiguous: Map<string, string[]>;
}

export function buildIdentityIndex(people: Iterable<Person>): IdentityIndex {
  const owners = new Map<string, Set<string>>();
  const add = (key: string | undefined, id: string) => {
    if (!key) return;
    const k = key.trim().toLowerCase();
    if (!k) return;
    const set = owners.get(k) ?? new Set();
    set.add(id);
    owners.set(k, set);
  };
  for (const p of people) {
    add(p.email, p.id);
    add(p.github, p.id);
    add(p.id, p.id);
    p.aliases?.forEach((a) => add(a, p.id));
  }
  const unique = new Map<string, string>();
  const ambiguous = new Map<string, string[]>();
  for (const [k, ids] of owners) {
    if (ids.size === 1) unique.set(k, [...ids][0]!);
    else ambiguous.set(k, [...ids].sort());
  }
  return { find: (key) => unique.get(key.trim().toLowerCase()), ambiguous };
}

export interface MatchResult {
  /** Accounts with `person` set where a match was found; unmatched ones are kept, not dropped. */
  accounts: (UsageAccount & { person?: string })[];
  unmatched: UsageAccount[];
  /** Accounts whose keys point at more than one person. */
  ambiguous: { account: string; people: string[] }[];
}

/** Matches vendor accounts to people by account id, email and login. */
export function matchAccounts(accounts: UsageAccount[], index: IdentityIndex): MatchResult {
  const out: MatchResult = { accounts: [], unmatched: [], ambiguous: [] };
  for (const a of accounts) {
    const keys = [a.account, a.email, a.login].filter((k): k is string => Boolean(k));
    const person = keys.map((k) => index.find(k)).find(Boolean);
    if (person) {
      out.accounts.push({ ...a, person });
      continue;
    }
    const clash = keys.map((k) => index.ambiguous.get(k.trim().toLowerCase())).find(Boolean);
    if (clash) out.ambiguous.push({ account: a.account, people: clash });
    out.accounts.push({ ...a });
    out.unmatched.push(a);
  }
  return out;
}
