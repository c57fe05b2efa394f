import type { ParsedFile, ServerEvent } from './events.ts';

/** What identifies one checkout, check-in or denial whichever server's file tells of it. */
function signature(e: ServerEvent): string | undefined {
  switch (e.kind) {
    case 'out':
      return `out|${e.at}|${e.key}|${e.count}`;
    case 'in':
      return `in|${e.at}|${e.key}`;
    case 'denied':
      return `denied|${e.at}|${e.feature}|${e.user}`;
    default:
      return undefined;
  }
}

/**
 * The events of several files (one per server) in time order. A checkout, check-in or denial that
 * an earlier file already tells of at the same second is the same event seen by another member of
 * a triad: it counts once. Within one file nothing is dropped (two checkouts in one second are
 * two). Keys are made per file, so a check-in only ends a checkout of its own server; restarts
 * of one server end only that server's seats.
 */
export function mergeFiles(files: readonly ParsedFile[]): ParsedFile {
  if (files.length === 1) return { ...files[0]!, events: [...files[0]!.events].sort((a, b) => a.at - b.at) };
  const seen = new Set<string>();
  const events: ServerEvent[] = [];
  files.forEach((file, i) => {
    const mine = new Set<string>();
    for (const e of file.events) {
      const sig = signature(e);
      if (sig !== undefined) {
        if (seen.has(sig)) continue;
        mine.add(sig);
      }
      events.push(e.kind === 'out' || e.kind === 'in' ? { ...e, key: `${i}|${e.key}` } : e.kind === 'restart' ? { ...e, server: i } : e);
    }
    mine.forEach((s) => seen.add(s));
  });
  return {
    events: events.sort((a, b) => a.at - b.at),
    skipped: files.flatMap((f) => f.skipped),
    notes: files.flatMap((f) => f.notes),
  };
}
