import { ConnectorError } from '../types.ts';
import { CsvSyntaxError, failFor, parseCsv, rowRecord, send, where, type Http } from '../http/index.ts';
import { dayOf, latestDay } from '../shared/dates.ts';
import { toBool } from '../shared/values.ts';
import { redactPatterns, type Redact } from '../../secrets/redact.ts';
import { vendorText } from '../../secrets/summary.ts';

export interface ReportActivity {
  lastActive: string | null;
  signals: Record<string, number>;
}

export interface ReportResult {
  byUpn: Map<string, ReportActivity>;
  refreshDate: string | undefined;
  concealed: boolean;
}

/**
 * Downloads a Graph usage report. Graph answers `302 Found` with a short-lived,
 * pre-authenticated download URL; it is followed by hand so the bearer token is not sent to
 * the download host.
 */
export async function downloadReport(http: Http, url: string, token: string): Promise<string> {
  let response = await send(http, url, { headers: { Authorization: `Bearer ${token}` }, redirect: 'manual' });
  for (let hops = 0; response.status >= 300 && response.status < 400; hops++) {
    const location = response.headers.get('location');
    await response.body?.cancel();
    if (location === null || hops >= 3) {
      throw new ConnectorError(`Microsoft 365: ${where(url)} redirected ${location === null ? 'without a Location' : 'too many times'}`);
    }
    const next = new URL(location, url).toString();
    response = await send(http, next, { redirect: 'manual' });
    url = next;
  }
  if (!response.ok) return failFor(http, response, url);
  return response.text();
}

/** A user principal name the tenant has replaced by a hash ("conceal user names in reports"). */
export function isConcealed(upn: string): boolean {
  return !upn.includes('@') && /^[0-9a-f]{16,}$/i.test(upn);
}

/**
 * Parses `getOffice365ActiveUserDetail` or `getM365AppUserDetail` CSV (both start with a
 * byte-order mark). last_active is the latest of every "... Last Activity Date" column; all
 * blank means never active. App detail rows give desktop/mobile/web signals (0 or 1).
 */
export function parseActivityCsv(text: string, reportName: string, redact: Redact = redactPatterns): ReportResult {
  let table;
  try {
    table = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new ConnectorError(`Microsoft 365: ${reportName} CSV is malformed: ${error.message}`);
    throw error;
  }
  const upnColumn = 'User Principal Name';
  if (!table.header.includes(upnColumn)) {
    throw new ConnectorError(
      `Microsoft 365: ${reportName} CSV has no "${upnColumn}" column (found: ${table.header.slice(0, 8).map((h) => vendorText(h, redact, 40)).join(', ') || 'nothing'})`,
    );
  }
  const activityColumns = table.header.filter((h) => /Last Activity Date$/.test(h));
  const byUpn = new Map<string, ReportActivity>();
  let refreshDate: string | undefined;
  let concealedRows = 0;
  for (const row of table.rows) {
    const record = rowRecord(table.header, row);
    const upn = (record[upnColumn] ?? '').trim();
    if (upn === '') continue;
    refreshDate ??= dayOf(record['Report Refresh Date']) ?? undefined;
    if (isConcealed(upn)) concealedRows++;
    const days = activityColumns.map((c) => dayOf(record[c]) ?? null);
    const signals: Record<string, number> = {};
    const desktop = [record.Windows, record.Mac].map(toBool);
    if (desktop.some((v) => v !== undefined)) signals.desktop_apps = desktop.includes(true) ? 1 : 0;
    for (const [column, signal] of [['Mobile', 'mobile_apps'], ['Web', 'web_apps']] as const) {
      const value = toBool(record[column]);
      if (value !== undefined) signals[signal] = value ? 1 : 0;
    }
    byUpn.set(upn.toLowerCase(), { lastActive: latestDay(...days) ?? null, signals });
  }
  // A real UPN always has an "@"; any hashed one means the tenant conceals names in reports.
  return { byUpn, refreshDate, concealed: concealedRows > 0 };
}
