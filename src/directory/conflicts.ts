import type { DirectoryEntry } from './types.ts';

/**
 * Splits entries into those that can be applied and conflicts: two entries claiming one email
 * (as primary address) or one directory ID are all held back and reported, none applied.
 */
export function splitConflicts(entries: DirectoryEntry[]): { usable: DirectoryEntry[]; conflicts: string[] } {
  const byEmail = group(entries, (e) => e.email);
  const byId = group(entries, (e) => e.directoryId);
  const held = new Set<DirectoryEntry>();
  const conflicts: string[] = [];
  for (const [email, claims] of byEmail) {
    if (claims.length < 2) continue;
    claims.forEach((c) => held.add(c));
    conflicts.push(`${email} is claimed by ${claims.length} directory entries (${claims.map(describe).join(', ')}); none applied`);
  }
  for (const [id, claims] of byId) {
    if (claims.length < 2 || claims.every((c) => held.has(c))) continue;
    claims.forEach((c) => held.add(c));
    conflicts.push(`directory ID ${id} appears ${claims.length} times (${claims.map(describe).join(', ')}); none applied`);
  }
  return { usable: entries.filter((e) => !held.has(e)), conflicts: conflicts.sort() };
}

function group(entries: DirectoryEntry[], key: (e: DirectoryEntry) => string): Map<string, DirectoryEntry[]> {
  const map = new Map<string, DirectoryEntry[]>();
  for (const e of entries) {
    const k = key(e);
    map.set(k, [...(map.get(k) ?? []), e]);
  }
  return map;
}

const describe = (e: DirectoryEntry) => (e.where ? `${e.directoryId} at ${e.where}` : e.directoryId);
