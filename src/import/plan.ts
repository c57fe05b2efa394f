import type { Contract, License, Person, Seat, Vendor } from '../inventory/schema/index.ts';
import type { Inventory } from '../inventory/model.ts';
import { slug, unique } from './slug.ts';
import type { Batch, ContractIn, Skipped } from './types.ts';

export type Action = 'create' | 'update' | 'unchanged';
export interface Change<T> {
  id: string;
  action: Action;
  data: T;
}

/** What an import will write: each record with its action, the seats to add, and every collision and left-out row. */
export interface Plan {
  vendors: Change<Vendor>[];
  licenses: Change<License>[];
  contracts: Change<Contract>[];
  people: Change<Person>[];
  seats: { license: string; add: Seat[]; exists: boolean }[];
  collisions: string[];
  skipped: Skipped[];
  ignored: Skipped[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const key = (s: string) => s.trim().toLowerCase();

/**
 * Matches a batch against the inventory and gives every new record an ID slugged from its name.
 * Records are matched by natural keys (vendor name, vendor and product name, email, contract
 * vendor and start), so a re-run finds what the last run wrote and adds nothing twice.
 */
export function planImport(batch: Batch, inv: Inventory): Plan {
  const plan: Plan = { vendors: [], licenses: [], contracts: [], people: [], seats: [], collisions: [], skipped: batch.skipped, ignored: batch.ignored };
  const collide = (kind: string, name: string, base: string, id: string, holder: string) => plan.collisions.push(`${kind} "${name}": the ID ${base} is taken by ${holder}, so it is written as ${id}`);

  const vendorIds = new Map<string, string>();
  const vendorTaken = new Set(inv.vendors.keys());
  const vendorNames = new Map([...inv.vendors.values()].map((v) => [key(v.data.name), v.data.id]));
  for (const v of batch.vendors) {
    if (vendorIds.has(key(v.name))) continue;
    let id = vendorNames.get(key(v.name));
    if (id === undefined) {
      const base = slug(v.name);
      id = unique(base, vendorTaken);
      if (id !== base) collide('vendor', v.name, base, id, `vendor "${plan.vendors.find((c) => c.id === base)?.data.name ?? inv.vendors.get(base)?.data.name}"`);
      plan.vendors.push({ id, action: 'create', data: { id, name: v.name } });
    } else if (!plan.vendors.some((c) => c.id === id)) plan.vendors.push({ id, action: 'unchanged', data: inv.vendors.get(id)!.data });
    vendorIds.set(key(v.name), id);
  }

  const licenseIds = new Map<string, string>();
  const licenseTaken = new Set(inv.licenses.keys());
  const licenseNames = new Map([...inv.licenses.values()].map((l) => [key(`${l.data.vendor}/${l.data.name}`), l.data.id]));
  const tierIds = new Map<string, string>();
  const licenseChanges = new Map<string, Change<License>>();
  for (const l of batch.licenses) {
    const vendor = vendorIds.get(key(l.vendor))!;
    const k = key(`${vendor}/${l.name}`);
    let change = licenseChanges.get(k);
    if (!change) {
      const existing = licenseNames.get(k);
      if (existing !== undefined) change = { id: existing, action: 'unchanged', data: structuredClone(inv.licenses.get(existing)!.data) };
      else {
        const base = slug(l.name);
        const id = unique(base, licenseTaken);
        if (id !== base) collide('license', l.name, base, id, `license "${plan.licenses.find((c) => c.id === base)?.data.name ?? inv.licenses.get(base)?.data.name}"`);
        change = { id, action: 'create', data: { id, name: l.name, vendor, type: (l.type ?? 'subscription') as License['type'], tiers: [] } };
      }
      plan.licenses.push(change);
      licenseChanges.set(k, change);
      licenseIds.set(k, change.id);
    }
    for (const tier of l.tiers) {
      const found = change.data.tiers.find((t) => key(t.name) === key(tier) || t.id === slug(tier));
      if (found) tierIds.set(`${change.id}/${key(tier)}`, found.id);
      else {
        const id = unique(slug(tier), new Set(change.data.tiers.map((t) => t.id)));
        change.data.tiers.push({ id, name: tier });
        tierIds.set(`${change.id}/${key(tier)}`, id);
        if (change.action === 'unchanged') change.action = 'update';
      }
    }
  }
  const licenseOf = (vendor: string, product: string) => licenseIds.get(key(`${vendorIds.get(key(vendor))}/${product}`))!;

  const contractTaken = new Set(inv.contracts.keys());
  for (const c of sameTerm(batch.contracts)) {
    const vendor = vendorIds.get(key(c.vendor))!;
    const license = licenseOf(c.vendor, c.lines[0]!.license);
    const lines = c.lines.map((l) => ({ license, tier: tierIds.get(`${license}/${key(l.tier)}`)!, quantity: l.quantity, unit_price: l.unitPrice, ...(l.pricePeriod ? { price_period: l.pricePeriod } : {}) }));
    const fields = { vendor, title: c.title, currency: c.currency, start: c.start, ...(c.end ? { end: c.end } : {}), ...(c.orderNumber ? { order_number: c.orderNumber } : {}), lines };
    const existing = [...inv.contracts.values()].find((r) => r.data.vendor === vendor && r.data.start === c.start && r.data.lines.some((l) => l.license === license));
    if (existing) {
      // Lines of other licenses and a title people wrote stay: the import owns only its license's lines.
      const kept = existing.data.lines.filter((l) => l.license !== license);
      const data = { ...existing.data, ...fields, title: existing.data.title ?? fields.title, lines: [...kept, ...lines] };
      plan.contracts.push({ id: existing.data.id, action: same(data, existing.data) ? 'unchanged' : 'update', data });
      continue;
    }
    const base = slug(`${license}-${c.start.slice(0, 4)}`);
    const id = unique(base, contractTaken);
    if (id !== base) collide('contract', c.title, base, id, 'another contract');
    plan.contracts.push({ id, action: 'create', data: { id, ...fields } });
  }

  planPeople(batch, inv, plan, collide);
  planSeats(batch, inv, plan, licenseOf, tierIds);
  return plan;
}

/** Contract rows of one license, vendor, term and currency (one row per tier) as one contract with a line each. */
function sameTerm(contracts: ContractIn[]): ContractIn[] {
  const byKey = new Map<string, ContractIn>();
  for (const c of contracts) {
    const k = JSON.stringify([key(c.vendor), key(c.lines[0]!.license), c.start, c.end, c.currency]);
    const found = byKey.get(k);
    if (found) found.lines.push(...c.lines);
    else byKey.set(k, { ...c, lines: [...c.lines] });
  }
  return [...byKey.values()];
}

function planPeople(batch: Batch, inv: Inventory, plan: Plan, collide: (kind: string, name: string, base: string, id: string, holder: string) => void): void {
  const byEmail = emailIndex(inv);
  const planned = new Map<string, Change<Person>>();
  const taken = new Set(inv.people.keys());
  for (const p of batch.people) {
    const existing = byEmail.get(key(p.email));
    if (existing !== undefined) {
      if (planned.has(existing) || !p.status || !inv.people.has(existing)) continue;
      const old = inv.people.get(existing)!.data;
      const change: Change<Person> = { id: existing, action: old.status === p.status ? 'unchanged' : 'update', data: { ...old, status: p.status } };
      plan.people.push(change);
      planned.set(existing, change);
      continue;
    }
    const base = slug(p.email.split('@')[0]!, '.');
    const id = unique(base, taken);
    if (id !== base) collide('person', p.email, base, id, `${planned.get(base)?.data.email ?? inv.people.get(base)?.data.email}`);
    const change: Change<Person> = { id, action: 'create', data: { id, name: p.name, email: p.email, status: p.status ?? 'active' } };
    plan.people.push(change);
    planned.set(id, change);
    byEmail.set(key(p.email), id);
  }
}

/** Person IDs by lowercase email and alias. */
function emailIndex(inv: Inventory): Map<string, string> {
  const byEmail = new Map<string, string>();
  for (const p of inv.people.values()) for (const e of [p.data.email, ...(p.data.aliases ?? [])]) byEmail.set(key(e), p.data.id);
  return byEmail;
}

function planSeats(batch: Batch, inv: Inventory, plan: Plan, licenseOf: (v: string, p: string) => string, tierIds: Map<string, string>): void {
  const byEmail = emailIndex(inv);
  for (const c of plan.people) byEmail.set(key(c.data.email), c.id);
  const byName = nameIndex(inv, plan);
  const entries = new Map<string, Plan['seats'][number]>();
  const held = new Set<string>();
  for (const [license, list] of inv.assignments) for (const h of list.seats) held.add(JSON.stringify([license, h.person, h.tier]));
  for (const s of batch.seats) {
    const person = s.email !== undefined ? byEmail.get(key(s.email)) : byName.get(key(s.name ?? ''));
    if (person === undefined || person === '') {
      const why = person === '' ? `"${s.name}" is the name of more than one person in people.yaml; add an email column` : `"${s.name}" matches nobody in people.yaml by name; add an email column, or add them to people.yaml first`;
      plan.skipped.push({ where: s.where ?? s.license, why });
      continue;
    }
    const license = licenseOf(s.vendor, s.license);
    const seat: Seat = { person, tier: tierIds.get(`${license}/${key(s.tier)}`)!, since: s.since };
    let entry = entries.get(license);
    if (!entry) {
      entry = { license, add: [], exists: inv.assignments.has(license) };
      entries.set(license, entry);
      plan.seats.push(entry);
    }
    const k = JSON.stringify([license, seat.person, seat.tier]);
    if (held.has(k)) continue;
    held.add(k);
    entry.add.push(seat);
  }
}

/** Person IDs by lowercase full name; "" for a name more than one person has. */
function nameIndex(inv: Inventory, plan: Plan): Map<string, string> {
  const byName = new Map<string, string>();
  const people = [...[...inv.people.values()].map((p) => p.data), ...plan.people.filter((c) => c.action === 'create').map((c) => c.data)];
  for (const p of people) byName.set(key(p.name), byName.has(key(p.name)) && byName.get(key(p.name)) !== p.id ? '' : p.id);
  return byName;
}
