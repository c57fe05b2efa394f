// What kind of page a route is, for the search index's `kind` filter and the label beside each result.

/** Route prefixes and the kind of page under them, most specific first. */
const KINDS: [RegExp, string][] = [
  [/^\/licenses\/[^/]+\/$/, 'license'],
  [/^\/contracts\/[^/]+\/$/, 'contract'],
  [/^\/vendors\/[^/]+\/$/, 'vendor'],
  [/^\/people\/[^/]+\/$/, 'person'],
  [/^\/audit\/commit\//, 'commit'],
  [/^\/audit\//, 'audit trail'],
  [/^\/compliance\//, 'findings'],
  [/^\/source\//, 'source file'],
  [/^\/at\//, 'point in time'],
  [/^\/spend\//, 'spend'],
  [/^\/position\//, 'license position'],
  [/^\/renewals\//, 'renewals'],
];

/** The kind of page at a route ("/contracts/figma-2026/" → "contract"); "overview" for the other lists. */
export function pageKind(route: string): string {
  return KINDS.find(([re]) => re.test(route))?.[1] ?? 'overview';
}
