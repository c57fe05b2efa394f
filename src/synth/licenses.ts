import type { License, Vendor } from '../inventory/schema/index.ts';
import { CORE_PRODUCTS, KNOWN_TAIL, TAGS, TIER_SETS, TYPE_ORDER, TYPE_TIERS, TYPE_WEIGHTS, type Product } from './catalog.ts';
import { DEPARTMENTS } from './departments.ts';
import { PRODUCT_PREFIXES, PRODUCT_SUFFIXES, slug } from './names.ts';
import { coreCount } from './plan.ts';

// Vendors are named "<prefix> <word>": a vendor sells a few products, most sell one or two.
const VENDOR_WORDS = ['Labs', 'Software', 'Systems', 'Cloud', 'Technologies', 'Works', 'Data', 'Digital', 'Networks', 'Group', 'Studio', 'Solutions'];
import type { SynthPeople } from './people.ts';
import type { Random } from './random.ts';

export interface SynthLicense {
  license: License;
  core: boolean;
  /** Department index whose people hold most seats, or -1. */
  affinity: number;
  /** Relative share of seats per tier, in tier order. */
  tierWeights: number[];
}

/** `count` licenses (a few company-wide, then a long tail covering every license type) and their vendors. */
export function makeLicenses(rng: Random, count: number, people: SynthPeople): { licenses: SynthLicense[]; vendors: Vendor[] } {
  const products = pickProducts(rng, count);
  const vendors = new Map<string, Vendor>();
  const licenses = products.map((p, i) => {
    if (!vendors.has(p.vendor)) vendors.set(p.vendor, makeVendor(rng, p));
    return makeLicense(rng, p, i < coreCount(count), people);
  });
  return { licenses, vendors: [...vendors.values()] };
}

function pickProducts(rng: Random, count: number): Product[] {
  const core = CORE_PRODUCTS.slice(0, coreCount(count));
  const tail: Product[] = [];
  const tailCount = count - core.length;
  const used = new Set<string>();
  for (let i = 0; tail.length < tailCount; i++) {
    const type = i < TYPE_ORDER.length ? TYPE_ORDER[i]! : rng.weighted(TYPE_ORDER, TYPE_WEIGHTS);
    const known = i >= TYPE_ORDER.length ? KNOWN_TAIL[i - TYPE_ORDER.length] : undefined;
    if (known) {
      tail.push(known);
      continue;
    }
    const prefix = rng.pick(PRODUCT_PREFIXES);
    const suffix = rng.pick(PRODUCT_SUFFIXES);
    const id = slug(`${prefix} ${suffix}`);
    if (used.has(id)) {
      if (used.size >= PRODUCT_PREFIXES.length * PRODUCT_SUFFIXES.length) throw new Error('out of product names');
      i--;
      continue;
    }
    used.add(id);
    const maker = `${prefix} ${rng.pick(VENDOR_WORDS)}`;
    const affinity = rng.chance(0.7) ? rng.weighted(DEPARTMENTS, DEPARTMENTS.map((d) => d.weight)).id : undefined;
    const tiers = TYPE_TIERS[type] ?? rng.pick(TIER_SETS);
    tail.push({ id, name: `${prefix} ${suffix}`, vendor: slug(maker), vendorName: `${maker}, Inc.`, type, tiers: tiers.map((t) => ({ ...t })), ...(affinity ? { affinity } : {}) });
  }
  return [...core, ...tail];
}

function makeVendor(rng: Random, p: Product): Vendor {
  const host = `${p.vendor}.example`;
  const v: Vendor = { id: p.vendor, name: p.vendorName, website: `https://www.${host}/`, support_url: `https://support.${host}/` };
  if (rng.chance(0.6)) v.account_id = `ACC-${rng.int(100000, 999999)}`;
  const contacts: NonNullable<Vendor['contacts']> = [{ name: 'Account Team', role: 'account manager', email: `accounts@${host}` }];
  if (rng.chance(0.5)) contacts.push({ name: 'Billing', role: 'billing', email: `billing@${host}`, phone: `+1 555 0${rng.int(100, 199)}` });
  v.contacts = contacts;
  return v;
}

function makeLicense(rng: Random, p: Product, core: boolean, people: SynthPeople): SynthLicense {
  const affinity = p.affinity ? DEPARTMENTS.findIndex((d) => d.id === p.affinity) : -1;
  const ownerDept = affinity !== -1 && rng.chance(0.5) ? affinity : DEPARTMENTS.findIndex((d) => d.id === 'it');
  const owner = ownerFrom(rng, people, ownerDept);
  const l = { id: p.id, name: p.name, vendor: p.vendor, type: p.type } as License;
  l.description = core ? `${p.name} for everyone in the company.` : `${p.name}${affinity !== -1 ? ` for ${DEPARTMENTS[affinity]!.name}` : ''}.`;
  if (owner) l.owner = owner;
  if (rng.chance(0.3)) l.owner_team = '@synth/it-licenses';
  l.tiers = p.tiers.map((t, i) => {
    const tier = { ...t };
    if (rng.chance(0.4)) tier.list_price = `${rng.int(2, 80) * (i === 0 ? 12 : 6)}.00`;
    return tier;
  });
  const last = l.tiers[l.tiers.length - 1]!;
  if (l.tiers.length > 1 && rng.chance(0.5)) l.tiers[0]!.rightsize = { to: last.id, when_signals_at_most: { edits_90d: 0 } };
  if (p.usage) l.usage = p.usage;
  if (rng.chance(0.3)) l.reclaim = { enabled: true, inactive_days: rng.pick([30, 60, 90]), grace_days: 14, exempt_departments: ['executive'] };
  l.admin_url = `https://admin.${p.vendor}.example/`;
  if (rng.chance(0.5)) l.tags = [...new Set([rng.pick(TAGS), rng.pick(TAGS)])];
  const tierWeights = l.tiers.map((_, i) => (i === 0 ? 7 : 3 / (l.tiers.length - 1)));
  return { license: l, core, affinity, tierWeights };
}

function ownerFrom(rng: Random, people: SynthPeople, dept: number): string | undefined {
  const members = people.members[dept] ?? [];
  const active = members.filter((i) => people.list[i]!.status === 'active');
  const from = active.length > 0 ? active : people.pool;
  return from.length > 0 ? people.list[rng.pick(from)]!.id : undefined;
}
