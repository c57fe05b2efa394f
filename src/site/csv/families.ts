// Tables of one shape (one per license, per month, per page of the audit trail) are documented once, under a file name pattern.
import type { SiteModel } from '../model/types.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "license-figma-tiers" → "license-<license>-tiers", "audit-2026-07-3" → "audit-<month>-<page>". */
export function familyNamer(m: SiteModel): (tableId: string) => string {
  const kinds: Array<[string, string[]]> = [
    ['license', m.licenses.map((l) => l.id)], ['person', m.people.map((p) => p.id)],
    ['contract', m.contracts.map((c) => c.id)], ['vendor', m.vendors.map((v) => v.id)],
  ];
  // The longest ID first: a contract "figma-2026" is not the license "figma" followed by a year.
  const prefixes = kinds.map(([kind, ids]) => [kind, new RegExp(`^${kind}-(${[...ids].sort((a, b) => b.length - a.length).map(escape).join('|') || '(?!)'})(?=-|$)`)] as const);
  return (id) => {
    let out = id;
    for (const [kind, re] of prefixes) out = out.replace(re, `${kind}-<${kind}>`);
    return out
      .replace(/\b\d{4}-\d{2}-\d{2}\b/g, '<date>')
      .replace(/\b\d{4}-\d{2}\b/g, '<month>')
      .replace(/(?<=-)\d{4}(?=-|$)/g, '<year>')
      .replace(/(?<=-)[0-9a-f]{12}(?=-|$)/g, '<commit>')
      .replace(/^audit-[a-z]+-\d+$/, 'audit-<kind>-<page>')
      .replace(/-\d+$/, '-<page>');
  };
}
