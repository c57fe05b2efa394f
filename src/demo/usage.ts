// Weekly usage snapshots of the demo, worked backwards from the example's last snapshot: the same
// accounts while their seats were held, activity that wanders week by week, leavers going quiet
// before their last day, and the seats reclaimed later going quiet months before the reclaim.
import { parse } from 'yaml';
import type { Account, Peak, Usage } from '../inventory/schema/index.ts';
import { serializeSnapshot } from '../usage/snapshot/serialize.ts';
import { addDays, daysBetween, maxDate, minDate, type IsoDate } from '../util/dates.ts';
import type { Person } from './people.ts';
import { pick, unit, weekday } from './text.ts';

/** A seat held from `from` until the day before `to` (null: still held). */
export interface SeatSpan {
  tier: string;
  from: IsoDate;
  to: IsoDate | null;
}

export interface UsageModel {
  license: string;
  /** The example's snapshot: the last one of the history, written as is. */
  finalText: string;
  final: Usage;
  /** Seats per person over the whole history (the example's and those removed along the way). */
  spans: Map<string, SeatSpan[]>;
  people: Map<string, Person>;
  /** People who stop using the product on this day (their seats are reclaimed later). */
  fades: Map<string, IsoDate>;
}

export function parseSnapshot(text: string): Usage {
  return parse(text) as Usage;
}

export const takenDay = (u: Usage): IsoDate => u.taken.slice(0, 10);

function heldOn(spans: SeatSpan[] | undefined, d: IsoDate): SeatSpan | undefined {
  return spans?.find((s) => s.from <= d && (s.to === null || d < s.to));
}

/** A last-active day for someone who works with the product every few days. */
function recent(key: string, d: IsoDate, typicalGap: number): IsoDate {
  return addDays(d, -pick(key, 0, Math.max(1, Math.min(14, Math.round(typicalGap * 1.5)))) - 1);
}

/** Signals wander around the example's values; someone who fades out drops to zero over 90 days. */
function signalsAt(base: Record<string, number> | undefined, key: string, d: IsoDate, fade: IsoDate | undefined): Record<string, number> | undefined {
  if (!base) return undefined;
  let share = 1;
  if (fade) share = Math.max(0, Math.min(1, 1 - daysBetween(fade, d) / 90));
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(base)) out[k] = Math.round(v * share * (0.7 + 0.6 * unit(`${key}:${k}`)));
  return out;
}

/** A typical account of a tier in the example's snapshot: which fields the vendor reports, and its signals. */
function template(final: Usage, tier: string): Account | undefined {
  const same = final.accounts.filter((a) => a.person && a.tier === tier);
  return same[Math.floor(same.length / 2)] ?? final.accounts.find((a) => a.person);
}

function accountFor(m: UsageModel, person: Person, tier: string): Account | undefined {
  const t = template(m.final, tier);
  if (!t) return undefined;
  const byLogin = t.login !== undefined && t.account === t.login;
  if (byLogin && !person.github) return undefined;
  const account = byLogin ? person.github! : t.account === t.email ? person.email : person.id;
  return {
    account, person: person.id,
    ...(t.email !== undefined ? { email: person.email } : {}),
    ...(t.login !== undefined && person.github ? { login: person.github } : {}),
    ...(t.name !== undefined ? { name: person.name } : {}),
    tier,
    ...(t.status !== undefined ? { status: 'active' as const } : {}),
    last_active: t.last_active ?? null,
    ...(t.signals ? { signals: t.signals } : {}),
  };
}

/** A day's peak of a concurrent pool (per tier where the example has them): the example's where it has one, otherwise a working week's rhythm. */
function peakOn(m: UsageModel, known: Map<string, Peak>, top: number, tier: string | undefined, day: IsoDate): Peak {
  const k = known.get(`${tier ?? ''}|${day}`);
  if (k !== undefined) return k;
  const key = `peak:${m.license}:${tier ?? ''}:${day}`;
  const wd = weekday(day);
  // The extra floating seats of May to October 2026 (the Orion project) show as busier days, never
  // above the example's own highest peak, so that the renewal figures tell the example's story.
  const busy = day >= '2026-05-01' && day <= '2026-10-31';
  const n = wd === 0 || wd === 6 ? (unit(key) < 0.6 || top === 0 ? 0 : 1) : busy ? pick(key, Math.max(0, top - 3), top) : pick(key, Math.max(0, top - 4), Math.max(0, top - 1));
  return { date: day, ...(tier !== undefined ? { tier } : {}), in_use: n, ...(m.final.peaks?.[0]?.hours !== undefined ? { hours: n * 5, users: n } : {}) };
}

/** The snapshot `lac pull` would have written on day `d` (taken at 06:00 UTC), as the exact file text. */
export function snapshotAt(m: UsageModel, d: IsoDate): string {
  const finalDay = takenDay(m.final);
  if (d === finalDay) return m.finalText;
  const accounts: Account[] = [];
  const seen = new Set<string>();
  for (const a of m.final.accounts) {
    const key = `${m.license}:${a.account}:${d}`;
    if (a.person) {
      seen.add(a.person);
      const person = m.people.get(a.person);
      const spans = m.spans.get(a.person);
      const span = heldOn(spans, d);
      if (spans && !span) continue;
      if (!spans && person?.start && person.start > d) continue;
      const from = span?.from ?? person?.start ?? d;
      accounts.push(withActivity(m, a, key, d, from, m.fades.get(a.person), person));
    } else {
      accounts.push(withActivity(m, a, key, d, addDays(d, -365), undefined, undefined));
    }
  }
  // Seats that are gone by the end of the history: leavers' and reclaimed ones.
  for (const [id, spans] of m.spans) {
    if (seen.has(id)) continue;
    const span = heldOn(spans, d);
    const person = m.people.get(id);
    if (!span || !person) continue;
    const a = accountFor(m, person, span.tier);
    if (a) accounts.push(withActivity(m, a, `${m.license}:${a.account}:${d}`, d, span.from, m.fades.get(id), person));
  }
  const usage: Usage = { license: m.final.license, source: m.final.source, taken: `${d}T06:00:00Z`, accounts };
  if (m.final.peaks && m.final.peaks.length > 0) {
    const known = new Map(m.final.peaks.map((p) => [`${p.tier ?? ''}|${p.date}`, p]));
    const tiers = [...new Set(m.final.peaks.map((p) => p.tier))].sort();
    const tops = new Map(tiers.map((tier) => [tier, Math.max(...m.final.peaks!.filter((p) => p.tier === tier).map((p) => p.in_use))]));
    const days = new Set(m.final.peaks.map((p) => p.date)).size;
    usage.peaks = [];
    for (let i = days - 1; i >= 0; i--) {
      for (const tier of tiers) usage.peaks.push(peakOn(m, known, tops.get(tier)!, tier, addDays(d, -i)));
    }
  }
  if (m.final.vendor_entitled) usage.vendor_entitled = m.final.vendor_entitled;
  return serializeSnapshot(usage);
}

function withActivity(m: UsageModel, a: Account, key: string, d: IsoDate, from: IsoDate, fade: IsoDate | undefined, person: Person | undefined): Account {
  const out: Account = { ...a };
  const finalDay = takenDay(m.final);
  const last = a.last_active;
  if (last !== undefined && last !== null) {
    const gap = daysBetween(last, finalDay);
    let day: IsoDate;
    if (gap > 40 && last < d) day = last; // dormant: the same last day as in the example
    else day = recent(key, d, gap > 40 ? 7 : gap);
    // The last day of use of someone who stopped (or left) is the same in every later snapshot.
    if (fade && day > fade) day = fade;
    if (person?.end && person.status === 'leaver' && day >= person.end) day = addDays(person.end, -pick(`${m.license}:${person.id}:end`, 1, 4));
    day = minDate(day, addDays(d, -1));
    out.last_active = day < from ? (daysBetween(from, d) > 3 ? maxDate(from, addDays(d, -3)) : null) : day;
    if (out.last_active !== null && out.last_active >= d) out.last_active = addDays(d, -1);
  }
  const signals = signalsAt(a.signals, key, d, fade);
  if (signals) out.signals = signals;
  return out;
}
