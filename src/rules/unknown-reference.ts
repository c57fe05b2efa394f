import { locate, seatLoc, type Inventory, type Src } from '../inventory/model.ts';
import type { Path } from '../inventory/parse/index.ts';
import type { Kind } from '../inventory/schema/index.ts';
import { createSuggester, suggestion } from '../util/suggest.ts';
import type { Emitted, Rule } from './rule.ts';
import { brokenTarget, uncheckedReferences, type Target } from './unchecked.ts';

const HOME: Record<Target, string> = {
  person: 'inventory/people.yaml',
  vendor: 'inventory/vendors/',
  license: 'inventory/licenses/',
  contract: 'inventory/contracts/',
  department: 'the departments of inventory/org.yaml',
};

function ids(inv: Inventory, target: Target): { known: Set<string> | Map<string, unknown>; invalid: Set<string> } {
  const kind: Record<Target, Kind> = { person: 'people', vendor: 'vendor', license: 'license', contract: 'contract', department: 'org' };
  const known = target === 'person' ? inv.people : target === 'vendor' ? inv.vendors : target === 'license' ? inv.licenses : target === 'contract' ? inv.contracts : new Set((inv.org?.data.departments ?? []).map((d) => d.id));
  return { known, invalid: inv.invalid[kind[target]] };
}

/** Checks every reference between records (tier references are checked against their license). */
export const unknownReference: Rule = {
  id: 'unknown-reference',
  severity: 'error',
  doc: 'A reference (vendor, license, tier, person, contract, department) points at nothing: the data it should link is missing or misspelt.',
  check({ inv }, emit) {
    // One suggester per kind of target, built on its first miss (the people list can be 100,000 long).
    const suggesters = new Map<Target, (input: string) => string>();
    // Each lookup is made once per check, not once per reference (a department set per person otherwise).
    const lookups = new Map<Target, ReturnType<typeof ids>>();
    const unchecked = uncheckedReferences();
    const ref = (src: Src, path: Path, target: Target, value: string | undefined) => {
      if (value === undefined) return;
      let lookup = lookups.get(target);
      if (!lookup) lookups.set(target, (lookup = ids(inv, target)));
      const { known, invalid } = lookup;
      if (known.has(value)) return;
      const broken = brokenTarget(inv, target, value);
      if (broken) return unchecked.add(src, target, value, broken);
      if (invalid.has(value)) return;
      let suggest = suggesters.get(target);
      if (!suggest) suggesters.set(target, (suggest = createSuggester(known.keys())));
      report(emit, locate(src, path), `${target} "${value}" does not exist${suggest(value)}`, `check the ID, or add it to ${HOME[target]}`);
    };
    const tierRef = (src: Src, path: Path, license: string, tier: string) => {
      const lic = inv.licenses.get(license);
      if (!lic) return;
      const tiers = lic.data.tiers.map((t) => t.id);
      if (!tiers.includes(tier)) report(emit, locate(src, path), `license "${license}" has no tier "${tier}"${suggestion(tier, tiers)}`, `its tiers are: ${tiers.join(', ')}`);
    };
    const org = inv.org;
    if (org) org.data.departments?.forEach((d, i) => ref(org.src, ['departments', i, 'head'], 'person', d.head));
    for (const p of inv.people.values()) {
      ref(p.src, ['manager'], 'person', p.data.manager);
      ref(p.src, ['department'], 'department', p.data.department);
    }
    for (const l of inv.licenses.values()) {
      ref(l.src, ['vendor'], 'vendor', l.data.vendor);
      ref(l.src, ['owner'], 'person', l.data.owner);
      ref(l.src, ['maintenance', 'contract'], 'contract', l.data.maintenance?.contract);
      l.data.reclaim?.exempt_people?.forEach((id, i) => ref(l.src, ['reclaim', 'exempt_people', i], 'person', id));
      l.data.reclaim?.exempt_departments?.forEach((id, i) => ref(l.src, ['reclaim', 'exempt_departments', i], 'department', id));
      l.data.tiers.forEach((t, i) => t.rightsize && tierRef(l.src, ['tiers', i, 'rightsize', 'to'], l.data.id, t.rightsize.to));
      for (const [vendorTier, tier] of Object.entries(l.data.usage?.tiers ?? {})) tierRef(l.src, ['usage', 'tiers', vendorTier], l.data.id, tier);
      for (const [feature, tier] of Object.entries(l.data.usage?.features ?? {})) tierRef(l.src, ['usage', 'features', feature], l.data.id, tier);
    }
    for (const c of inv.contracts.values()) {
      ref(c.src, ['vendor'], 'vendor', c.data.vendor);
      ref(c.src, ['owner'], 'person', c.data.owner);
      ref(c.src, ['signed_by'], 'person', c.data.signed_by);
      ref(c.src, ['renewal', 'decided_by'], 'person', c.data.renewal?.decided_by);
      ref(c.src, ['previous'], 'contract', c.data.previous);
      c.data.lines.forEach((line, i) => {
        ref(c.src, ['lines', i, 'license'], 'license', line.license);
        tierRef(c.src, ['lines', i, 'tier'], line.license, line.tier);
      });
    }
    for (const list of inv.assignments.values()) {
      const src = { file: list.file, map: list.map, path: [] };
      ref(src, ['license'], 'license', list.license);
      const lic = inv.licenses.get(list.license);
      if (!lic) continue;
      const tiers = lic.data.tiers.map((t) => t.id);
      const known = new Set(tiers);
      list.seats.forEach((seat, i) => {
        if (!known.has(seat.tier)) report(emit, seatLoc(list, i, 'tier'), `license "${list.license}" has no tier "${seat.tier}"${suggestion(seat.tier, tiers)}`, `its tiers are: ${tiers.join(', ')}`);
      });
    }
    for (const u of inv.usage.values()) ref(u.src, ['license'], 'license', u.data.license);
    unchecked.report(emit);
    const orgRates = inv.org?.data.exchange_rates ?? {};
    const orgCurrency = inv.org?.data.currency;
    for (const c of inv.contracts.values()) {
      if (orgCurrency && c.data.currency !== orgCurrency && orgRates[c.data.currency] === undefined) {
        report(emit, locate(c.src, ['currency']), `no exchange rate from ${c.data.currency} to ${orgCurrency} in inventory/org.yaml`, `add exchange_rates: { ${c.data.currency}: "<value of 1 ${c.data.currency} in ${orgCurrency}>" }`);
      }
    }
  },
};

function report(emit: (e: Emitted) => void, loc: Emitted['loc'], message: string, hint: string) {
  emit({ loc, message, hint });
}
