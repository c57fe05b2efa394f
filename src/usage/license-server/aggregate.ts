import type { UsageAccount, UsagePeak } from '../types.ts';
import { DAY_MS, dayNamer, dayOfInstant, type ServerEvent } from './events.ts';

interface DayTier {
  peak: number;
  seatMs: number;
  users: Set<string>;
  denials: number;
}

interface Held {
  tier: string;
  count: number;
  user: string;
}

/** What the events of a license's features add up to. */
export interface Aggregate {
  peaks: UsagePeak[];
  accounts: UsageAccount[];
  /** Features in the files that `usage.features` does not list (they belong to other licenses, or are missing from the map). */
  unmapped: string[];
  /** Check-ins whose check-out is not in the files (the log began while the seat was out). */
  unmatchedIns: number;
  /** Seats that were out when the server restarted: they end at the server's last line before it. */
  endedByRestart: number;
}

/**
 * Daily peak, seat-hours, distinct users and denials per tier, from the events of every file
 * (sorted by time; the caller has removed duplicates of one checkout seen by several servers).
 * Logs give every day from the first event to the last, zeros included; status samples give
 * only the days they were taken on. A seat still out at the end counts up to the last event.
 */
export function aggregate(events: readonly ServerEvent[], features: ReadonlyMap<string, string>): Aggregate {
  const dayOf = dayNamer();
  const stats = new Map<string, Map<string, DayTier>>();
  const statOf = (day: string, tier: string): DayTier => {
    let byTier = stats.get(day);
    if (!byTier) stats.set(day, (byTier = new Map()));
    let s = byTier.get(tier);
    if (!s) byTier.set(tier, (s = { peak: 0, seatMs: 0, users: new Set(), denials: 0 }));
    return s;
  };
  const open = new Map<string, Held[]>();
  const level = new Map<string, number>();
  const lastSeen = new Map<string, { at: number; tier: string }>();
  const unmapped = new Set<string>();
  let unmatchedIns = 0;
  let endedByRestart = 0;
  let lastAt: number | undefined;
  let firstLogAt: number | undefined;
  const samples = new Map<number, Map<string, { inUse: number; users: string[] }>>();

  // Seat time and peaks from lastAt up to `to`, split at midnights: a seat out overnight counts on
  // both days. Per tier, not per seat: the cost is the number of tiers per event, and the seats
  // out only once per midnight crossed (their holders used the license that day too).
  const advance = (to: number) => {
    if (lastAt === undefined || to <= lastAt) return;
    for (let from = lastAt; from < to; ) {
      const until = Math.min(to, Math.floor(from / DAY_MS) * DAY_MS + DAY_MS);
      const day = dayOf(from);
      if (from % DAY_MS === 0) for (const list of open.values()) for (const h of list) statOf(day, h.tier).users.add(h.user);
      for (const [tier, n] of level) {
        if (n <= 0) continue;
        const s = statOf(day, tier);
        s.seatMs += (until - from) * n;
        s.peak = Math.max(s.peak, n);
      }
      from = until;
    }
  };

  for (const e of events) {
    if (e.kind === 'sample') {
      const tier = features.get(e.feature);
      if (tier === undefined) {
        unmapped.add(e.feature);
        continue;
      }
      const moment = samples.get(e.at) ?? new Map<string, { inUse: number; users: string[] }>();
      const t = moment.get(tier) ?? { inUse: 0, users: [] };
      moment.set(tier, { inUse: t.inUse + e.inUse, users: [...t.users, ...e.users] });
      samples.set(e.at, moment);
      continue;
    }
    firstLogAt ??= e.at;
    if (e.kind === 'restart' && e.shutdown) advance(e.at);
    if (e.kind === 'restart') {
      // The server was down from its last line until this one: seats out end there, not here.
      // With several servers' files, keys start with the file's index: only that server's seats end.
      for (const [key, list] of open) {
        if (e.server !== undefined && !key.startsWith(`${e.server}|`)) continue;
        for (const h of list) {
          endedByRestart++;
          level.set(h.tier, (level.get(h.tier) ?? 0) - h.count);
          lastSeen.set(h.user, { at: e.shutdown ? e.at : (lastAt ?? e.at), tier: h.tier });
        }
        open.delete(key);
      }
      lastAt = Math.max(lastAt ?? e.at, e.at);
      continue;
    }
    advance(e.at);
    lastAt = Math.max(lastAt ?? e.at, e.at);
    if (e.kind === 'mark') continue;
    if (e.kind === 'in') {
      const held = open.get(e.key)?.shift();
      if (!held) unmatchedIns++;
      else {
        level.set(held.tier, (level.get(held.tier) ?? 0) - held.count);
        lastSeen.set(held.user, { at: e.at, tier: held.tier });
      }
      continue;
    }
    const tier = features.get(e.feature);
    if (tier === undefined) {
      unmapped.add(e.feature);
      continue;
    }
    const s = statOf(dayOf(e.at), tier);
    if (e.kind === 'denied') {
      s.denials++;
      continue;
    }
    const list = open.get(e.key);
    if (list) list.push({ tier, count: e.count, user: e.user });
    else open.set(e.key, [{ tier, count: e.count, user: e.user }]);
    const n = (level.get(tier) ?? 0) + e.count;
    level.set(tier, n);
    s.peak = Math.max(s.peak, n);
    s.users.add(e.user);
    lastSeen.set(e.user, { at: e.at, tier });
  }
  if (lastAt !== undefined) {
    // Seats still out at the last line: their holders were active on the last day.
    for (const list of open.values()) for (const h of list) lastSeen.set(h.user, { at: lastAt, tier: h.tier });
  }
  const logDays = firstLogAt !== undefined && lastAt !== undefined ? daysBetween(firstLogAt, lastAt) : [];
  const peaks: UsagePeak[] = [];
  for (const day of logDays) {
    for (const tier of new Set(features.values())) {
      const s = stats.get(day)?.get(tier);
      peaks.push({ date: day, tier, in_use: s?.peak ?? 0, hours: Math.round((s?.seatMs ?? 0) / 360_000) / 10, users: s?.users.size ?? 0, denials: s?.denials ?? 0 });
    }
  }
  peaks.push(...samplePeaks(samples, lastSeen, new Set(logDays)));
  const accounts = [...lastSeen].map(([user, { at, tier }]) => ({ account: user, login: user, tier, last_active: dayOfInstant(at) }));
  return { peaks, accounts, unmapped: [...unmapped].sort(), unmatchedIns, endedByRestart };
}

/** Daily maxima of status samples (the sum over features and sites at one moment), on days no log covers. */
function samplePeaks(
  samples: Map<number, Map<string, { inUse: number; users: string[] }>>,
  lastSeen: Map<string, { at: number; tier: string }>,
  logDays: Set<string>,
): UsagePeak[] {
  const byDay = new Map<string, { in_use: number; users: Set<string> }>();
  for (const [at, moment] of [...samples].sort(([a], [b]) => a - b)) {
    const day = dayOfInstant(at);
    for (const [tier, { inUse, users }] of moment) {
      for (const user of users) if ((lastSeen.get(user)?.at ?? -Infinity) <= at) lastSeen.set(user, { at, tier });
      if (logDays.has(day)) continue;
      const key = `${day} ${tier}`;
      const d = byDay.get(key) ?? { in_use: 0, users: new Set<string>() };
      d.in_use = Math.max(d.in_use, inUse);
      users.forEach((u) => d.users.add(u));
      byDay.set(key, d);
    }
  }
  return [...byDay].map(([key, d]) => {
    const [date, tier] = key.split(' ') as [string, string];
    return { date, tier, in_use: d.in_use, users: d.users.size };
  });
}

function daysBetween(from: number, to: number): string[] {
  const out: string[] = [];
  for (let at = Math.floor(from / DAY_MS) * DAY_MS; at <= to; at += DAY_MS) out.push(dayOfInstant(at));
  return out;
}
