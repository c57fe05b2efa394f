import type { Inventory } from '../../inventory/model.ts';

/** What an app was matched to, and by what. */
export interface AppMatch {
  vendor?: string;
  license?: string;
  by: 'domain' | 'alias' | 'name';
}

/** Lowercase words of a name, joined by single spaces: "ZOOM.US 888-799" → "zoom us 888 799". */
export const words = (name: string): string => name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

interface Target {
  vendor?: string;
  license?: string;
  /** Vendors first, in inventory order, then licenses: the earliest wins a tie. */
  rank: number;
}

interface NameEntry {
  words: string[];
  by: 'alias' | 'name';
  target: Target;
}

/** Vendor domains and names indexed for matching, built once per inventory. */
export interface MatchIndex {
  domains: Map<string, Target>;
  /** Names by their first word. */
  names: Map<string, NameEntry[]>;
}

/** Indexes the vendors' domains, aliases and names and the licenses' names (names of at least three characters). */
export function matchCandidates(inv: Inventory): MatchIndex {
  const index: MatchIndex = { domains: new Map(), names: new Map() };
  let rank = 0;
  const addName = (text: string, by: NameEntry['by'], target: Target) => {
    const w = words(text);
    if (w.length < 3) return;
    const list = w.split(' ');
    const entry = { words: list, by, target };
    const same = index.names.get(list[0]!);
    if (same) same.push(entry);
    else index.names.set(list[0]!, [entry]);
  };
  for (const { data: v } of inv.vendors.values()) {
    const target = { vendor: v.id, rank: rank++ };
    for (const d of v.domains ?? []) if (!index.domains.has(d)) index.domains.set(d, target);
    for (const a of v.aliases ?? []) addName(a, 'alias', target);
    addName(v.name, 'name', target);
    addName(v.id, 'name', target);
  }
  for (const { data: l } of inv.licenses.values()) {
    const target = { vendor: l.vendor, license: l.id, rank: rank++ };
    addName(l.name, 'name', target);
    addName(l.id, 'name', target);
  }
  return index;
}

const result = (t: Target, by: AppMatch['by']): AppMatch => ({ ...(t.vendor ? { vendor: t.vendor } : {}), ...(t.license ? { license: t.license } : {}), by });

/**
 * The vendor or license an app belongs to: its domain is a vendor's domain or a subdomain of one;
 * else a vendor alias (before any name), a vendor name or a license name occurs in the app's name
 * as whole words; the earliest vendor, then license, wins a tie.
 */
export function matchApp(app: { name: string; domain?: string | undefined }, index: MatchIndex): AppMatch | undefined {
  const labels = app.domain?.toLowerCase().split('.') ?? [];
  for (let i = 0; i + 1 < labels.length; i++) {
    const t = index.domains.get(labels.slice(i).join('.'));
    if (t) return { ...(t.vendor ? { vendor: t.vendor } : {}), by: 'domain' };
  }
  const hay = words(app.name).split(' ');
  let best: NameEntry | undefined;
  for (let i = 0; i < hay.length; i++) {
    for (const e of index.names.get(hay[i]!) ?? []) {
      if (!e.words.every((w, k) => hay[i + k] === w)) continue;
      const better = !best || (e.by === 'alias' && best.by === 'name') || (e.by === best.by && e.target.rank < best.target.rank);
      if (better) best = e;
    }
  }
  return best ? result(best.target, best.by) : undefined;
}
