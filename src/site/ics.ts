import type { ContractInfo } from './model/types.ts';

// Until src/report/ical.ts lands: a minimal RFC 5545 calendar of cancel-by and renewal dates.

const escapeText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence. */
export function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(bytes.length, start + limit);
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
    limit = 74;
  }
  return parts.join('\r\n ');
}

const compact = (d: string) => d.replace(/-/g, '');

/** All-day events for each live contract's cancel-by and renewal date; the stamp is the commit time, so the bytes are stable. */
export function renewalsCalendar(contracts: ContractInfo[], org: string, stamp: string): string {
  const dtstamp = stamp.replace(/[-:]/g, '').replace(/\.\d+/, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//lac//licenses as code//EN', 'CALSCALE:GREGORIAN', `X-WR-CALNAME:${escapeText(`${org}: license renewals`)}`];
  for (const c of contracts) {
    if (!c.cancelBy || !c.renewal || c.successor || c.decision === 'cancel' || c.state === 'expired') continue;
    const what = c.title ?? c.id;
    for (const [kind, date, summary] of [['cancel-by', c.cancelBy, `Cancel-by: ${what}`], ['renewal', c.renewal, `Renews: ${what}`]] as const) {
      lines.push('BEGIN:VEVENT', `UID:${c.id}-${kind}-${date}@lac`, `DTSTAMP:${dtstamp}`, `DTSTART;VALUE=DATE:${compact(date)}`,
        `SUMMARY:${escapeText(summary)}`, `DESCRIPTION:${escapeText(`Contract ${c.id} with ${c.vendor}; decision: ${c.decision}`)}`, 'TRANSP:TRANSPARENT', 'END:VEVENT');
    }
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
