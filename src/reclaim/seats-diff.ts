import { parseText } from '../inventory/parse/index.ts';

export interface SeatLine {
  holder: string;
  tier: string;
}

/** The seats of an assignments file's text (holder and tier); [] when it cannot be read. */
export function seatLines(text: string | undefined): SeatLine[] {
  if (text === undefined) return [];
  try {
    const data = parseText(text, 'seats').data as { seats?: Array<{ person?: unknown; device?: unknown; tier?: unknown }> } | null;
    return (data?.seats ?? []).flatMap((s) => {
      const holder = typeof s?.person === 'string' ? s.person : typeof s?.device === 'string' ? s.device : undefined;
      return holder && typeof s.tier === 'string' ? [{ holder, tier: s.tier }] : [];
    });
  } catch {
    return [];
  }
}

export interface SeatChange {
  holder: string;
  tier: string;
  /** Absent: removed; present: the seat moved to this tier. */
  to?: string;
}

/** Seats removed or moved to another tier between two versions of an assignments file. Added seats are not changes of a reclaim. */
export function seatChanges(before: SeatLine[], after: SeatLine[]): SeatChange[] {
  const tiersOf = (lines: SeatLine[]) => {
    const m = new Map<string, string[]>();
    for (const l of lines) m.set(l.holder, [...(m.get(l.holder) ?? []), l.tier]);
    return m;
  };
  const [a, b] = [tiersOf(before), tiersOf(after)];
  const out: SeatChange[] = [];
  for (const [holder, oldTiers] of a) {
    const newTiers = [...(b.get(holder) ?? [])];
    const lost: string[] = [];
    for (const t of oldTiers) {
      const k = newTiers.indexOf(t);
      if (k >= 0) newTiers.splice(k, 1);
      else lost.push(t);
    }
    // What is left of the new tiers was gained: pair each lost tier with one gained (a downgrade).
    for (const t of lost) {
      const to = newTiers.shift();
      out.push(to === undefined ? { holder, tier: t } : { holder, tier: t, to });
    }
  }
  return out.sort((x, y) => (x.holder < y.holder ? -1 : x.holder > y.holder ? 1 : 0));
}
