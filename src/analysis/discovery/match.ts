import type { Inventory } from '../../inventory/model.ts';

/** What an app was matched to, and by what. */
export interface AppMatch {
  vendor?: string;
  license?: string;
  by: 'domain' | 'alias' | 'name';
}

/** Lowercase words of a name, joined by single spaces: "ZOOM.US 888-799" → "zoom us 888 799". */
export const words = (name: string): string => name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Whether `needle` (words) occurs in `haystack` (words) as whole words. */
const hasWords = (haystack: string, needle: string) => needle.length >= 3 && ` ${haystack} `.includes(` ${needle} `);

interface Candidate {
  vendor?: string;
  license?: string;
  domains: string[];
  names: { text: string; by: 'alias' | 'name' }[];
}

/** The vendors and licenses an app can match, built once per inventory. */
export function matchCandidates(inv: Inventory): Candidate[] {
  const out: Candidate[] = [];
  for (const { data: v } of inv.vendors.values()) {
    out.push({
      vendor: v.id,
      domains: v.domains ?? [],
      names: [...(v.aliases ?? []).map((a) => ({ text: words(a), by: 'alias' as const })), { text: words(v.name), by: 'name' }, { text: words(v.id), by: 'name' }],
    });
  }
  for (const { data: l } of inv.licenses.values()) {
    out.push({ license: l.id, vendor: l.vendor, domains: [], names: [{ text: words(l.name), by: 'name' }, { text: words(l.id), by: 'name' }] });
  }
  return out;
}

/**
 * The vendor or license an app belongs to: its domain is a vendor's domain or a subdomain of one;
 * else a vendor alias, vendor name or license name occurs in the app's name as whole words.
 */
export function matchApp(app: { name: string; domain?: string | undefined }, candidates: readonly Candidate[]): AppMatch | undefined {
  const domain = app.domain?.toLowerCase();
  if (domain) {
    for (const c of candidates) {
      if (c.domains.some((d) => domain === d || domain.endsWith(`.${d}`))) return { ...(c.vendor ? { vendor: c.vendor } : {}), by: 'domain' };
    }
  }
  const name = words(app.name);
  for (const by of ['alias', 'name'] as const) {
    for (const c of candidates) {
      if (c.names.some((n) => n.by === by && hasWords(name, n.text))) return { ...(c.vendor ? { vendor: c.vendor } : {}), ...(c.license ? { license: c.license } : {}), by };
    }
  }
  return undefined;
}
