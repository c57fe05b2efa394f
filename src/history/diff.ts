/** One changed field: a path such as `lines[figma/full].quantity`; null stands for absent. */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep equality of JSON-like values (key order does not matter). */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && same(a[k], b[k]));
  }
  return false;
}

// How list items are matched between two versions, by the list's key: contract lines by
// license/tier, tiers and departments by id... so that a change reads as `lines[figma/full].quantity`.
const ITEM_KEYS: Record<string, (item: Obj) => unknown> = {
  lines: (l) => (typeof l.license === 'string' && typeof l.tier === 'string' ? `${l.license}/${l.tier}` : undefined),
  contacts: (c) => c.name,
  documents: (d) => d.url,
  accounts: (a) => a.account,
  peaks: (p) => (typeof p.tier === 'string' ? `${String(p.date)}/${p.tier}` : p.date),
};

function itemKeys(list: unknown[], field: string): string[] | undefined {
  const keyOf = ITEM_KEYS[field] ?? ((o: Obj) => o.id);
  const keys: string[] = [];
  for (const item of list) {
    const k = isObj(item) ? keyOf(item) : undefined;
    if (typeof k !== 'string' && typeof k !== 'number') return undefined;
    keys.push(String(k));
  }
  return new Set(keys).size === keys.length ? keys : undefined;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
const orNull = (v: unknown) => (v === undefined ? null : v);

/** Every field that differs between two versions of a record, as the leaf paths people think in. */
export function diffFields(a: unknown, b: unknown, path = '', field = ''): FieldChange[] {
  if (same(a, b)) return [];
  if (isObj(a) && isObj(b)) {
    const out: FieldChange[] = [];
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
    for (const k of keys) out.push(...diffFields(a[k], b[k], join(path, k), k));
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const ka = itemKeys(a, field);
    const kb = itemKeys(b, field);
    if (ka && kb) {
      const out: FieldChange[] = [];
      const byKey = new Map(kb.map((k, i) => [k, b[i]]));
      ka.forEach((k, i) => out.push(...diffFields(a[i], byKey.get(k), `${path}[${k}]`)));
      kb.forEach((k, i) => ka.includes(k) || out.push({ field: `${path}[${k}]`, from: null, to: b[i] }));
      return out;
    }
  }
  return [{ field: path, from: orNull(a), to: orNull(b) }];
}
