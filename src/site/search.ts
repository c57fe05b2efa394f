import type { SiteModel } from './model/types.ts';
import { routes } from './routes.ts';

/** One entry of the search index: what is shown, where it leads, and the words it is found by. */
export interface SearchEntry {
  t: string;
  k: 'license' | 'person' | 'vendor';
  u: string;
  /** Lowercase text searched: names, IDs, emails, departments, tags. */
  s: string;
}

/** The small prebuilt index the search page's script reads (licenses, people, vendors). */
export function searchIndex(m: SiteModel): SearchEntry[] {
  const words = (...xs: (string | null | undefined)[]) => xs.filter(Boolean).join(' ').toLowerCase();
  const vendorName = new Map(m.vendors.map((v) => [v.id, v.name]));
  return [
    ...m.licenses.map((l): SearchEntry => ({ t: l.name, k: 'license', u: routes.license(l.id), s: words(l.name, l.id, l.vendor, vendorName.get(l.vendor), l.type) })),
    ...m.vendors.map((v): SearchEntry => ({ t: v.name, k: 'vendor', u: routes.vendor(v.id), s: words(v.name, v.id, v.website) })),
    ...m.people.map((p): SearchEntry => ({ t: p.name, k: 'person', u: routes.person(p.id), s: words(p.name, p.id, p.email, p.department, p.title) })),
  ];
}
