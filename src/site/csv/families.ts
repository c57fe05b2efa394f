// Tables of one shape (one per license, per month, per page of the audit trail) are documented once, under a file name pattern.
import type { SiteModel } from '../model/types.ts';

/** "license-figma-tiers" → "license-<license>-tiers", "audit-2026-07-3" → "audit-<month>-<page>". */
export function familyNamer(m: SiteModel): (tableId: string) => string {
  const kinds: Array<[string, Set<string>]> = [
    ['license', new Set(m.licenses.map((l) => l.id))], ['person', new Set(m.people.map((p) => p.id))],
    ['contract', new Set(m.contracts.map((c) => c.id))], ['vendor', new Set(m.vendors.map((v) => v.id))],
  ];
  return (id) => {
    let out = id;
    for (const [kind, ids] of kinds) {
      if (!out.startsWith(`${kind}-`)) continue;
      // The longest ID that ends at a dash: a contract "figma-2026" is not the license "figma" followed by a year.
      const rest = out.slice(kind.length + 1);
      const ends = [rest.length, ...[...rest.matchAll(/-/g)].map((x) => x.index).reverse()];
      const end = ends.find((e) => ids.has(rest.slice(0, e)));
      if (end !== undefined) out = `${kind}-<${kind}>${rest.slice(end)}`;
    }
    return out
      .replace(/\b\d{4}-\d{2}-\d{2}\b/g, '<date>')
      .replace(/\b\d{4}-\d{2}\b/g, '<month>')
      .replace(/(?<=-)\d{4}(?=-|$)/g, '<year>')
      .replace(/(?<=-)[0-9a-f]{12}(?=-|$)/g, '<commit>')
      .replace(/^audit-[a-z]+-\d+$/, 'audit-<kind>-<page>')
      .replace(/-\d+$/, '-<page>');
  };
}
