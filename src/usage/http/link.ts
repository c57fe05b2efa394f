/** Parses an RFC 8288 `Link` header into rel -> URL, e.g. Okta's `<...?after=x>; rel="next"`. */
export function parseLinkHeader(header: string | null): Map<string, string> {
  const links = new Map<string, string>();
  if (header === null) return links;
  // Split on commas that start a new `<...>` link; URLs may themselves contain commas.
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/s.exec(part);
    if (!match) continue;
    const url = match[1] ?? '';
    const params = match[2] ?? '';
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(params);
    const rels = (rel?.[1] ?? rel?.[2] ?? '').split(/\s+/).filter(Boolean);
    for (const r of rels) if (!links.has(r.toLowerCase())) links.set(r.toLowerCase(), url);
  }
  return links;
}
