import { ConnectorError } from '../types.ts';
import { checkPageLimit, failFor, readJson, send, type Http } from '../http/index.ts';
import { addDays, dayOf, latestDay } from '../shared/dates.ts';
import { isRecord, toNumber, toText } from '../shared/values.ts';
import { vendorText } from '../../secrets/summary.ts';

/**
 * Activity timestamps (RFC 3339) of the Users Usage Report: the names in Google's "Accounts
 * parameters" reference (Admin SDK Reports API, usage-ref-appendix-a/users-accounts) first, then the
 * older names that reports still carry (issue 11: a report with only the documented name gave no activity).
 */
export const ACTIVITY_PARAMETERS = ['accounts:timestamp_last_login', 'accounts:last_login_time', 'gmail:timestamp_last_interaction', 'gmail:last_interaction_time'];

export interface UserActivity {
  lastActive: string | null | undefined;
  signals: Record<string, number>;
}

export interface UsageReport {
  date: string;
  users: Map<string, UserActivity>;
  warnings: string[];
}

/**
 * Google answers 400 "Data for dates later than YYYY-MM-DD is not yet available" while a day's
 * report is still being built (reports lag by a few days). Returns the latest date it offers,
 * or true when the answer says "not ready" without a date.
 */
export function notReady(status: number, body: unknown): string | true | undefined {
  if (status !== 400 || !isRecord(body) || !isRecord(body.error)) return undefined;
  const message = typeof body.error.message === 'string' ? body.error.message : '';
  if (!/not yet available|later than/i.test(message)) return undefined;
  return /later than (\d{4}-\d{2}-\d{2})/i.exec(message)?.[1] ?? true;
}

/**
 * Reads the Users Usage Report for the latest ready day on or before `today`, stepping back
 * (at most `lookbackDays`) while Google says the day is not ready yet.
 */
export async function readUsageReport(
  http: Http,
  base: string,
  token: string,
  today: string,
  lookbackDays: number,
  signalParameters: Map<string, string>,
  maxPages: number,
  progress?: (usersRead: number) => void,
  timeZone?: string,
): Promise<UsageReport> {
  const oldest = addDays(today, -lookbackDays);
  let date = today;
  const warnings: string[] = [];
  for (;;) {
    const report = await readDay(http, base, token, date, signalParameters, maxPages, progress, timeZone);
    if (report !== 'not ready' && typeof report !== 'string') {
      if (date !== today) warnings.push(`Google Workspace: the usage report for ${today} is not ready yet; used ${date}`);
      return { date, users: report.users, warnings: [...warnings, ...report.warnings] };
    }
    const offered = typeof report === 'string' && report !== 'not ready' ? report : undefined;
    const next = offered !== undefined && offered < date ? offered : addDays(date, -1);
    if (next < oldest) {
      throw new ConnectorError(
        `Google Workspace: no usage report is ready for any day from ${oldest} to ${today}`,
        'Google builds reports with a delay of a few days; raise usage.config.max_lookback_days or pull again later.',
      );
    }
    date = next;
  }
}

async function readDay(
  http: Http,
  base: string,
  token: string,
  date: string,
  signalParameters: Map<string, string>,
  maxPages: number,
  progress: ((usersRead: number) => void) | undefined,
  timeZone: string | undefined,
): Promise<{ users: Map<string, UserActivity>; warnings: string[] } | 'not ready' | string> {
  const users = new Map<string, UserActivity>();
  const warnings = new Set<string>();
  const parameters = [...ACTIVITY_PARAMETERS, ...signalParameters.keys()].join(',');
  let pageToken = '';
  for (let pages = 1; ; pages++) {
    checkPageLimit(http, pages, maxPages);
    const query = new URLSearchParams({ parameters, maxResults: '1000' });
    if (pageToken) query.set('pageToken', pageToken);
    const url = `${base}/admin/reports/v1/usage/users/all/dates/${date}?${query.toString()}`;
    const response = await send(http, url, { headers: { Authorization: `Bearer ${token}` } });
    if (response.status === 400) {
      const body = await readJson(http, response.clone(), url).catch(() => undefined);
      const ready = notReady(400, body);
      if (ready !== undefined && pages === 1) return ready === true ? 'not ready' : ready;
    }
    if (!response.ok) return failFor(http, response, url);
    const body = await readJson(http, response, url);
    if (!isRecord(body)) throw new ConnectorError(`Google Workspace: the usage report page ${pages} for ${date} is not a JSON object`);
    for (const warning of Array.isArray(body.warnings) ? body.warnings : []) {
      if (isRecord(warning) && typeof warning.message === 'string') warnings.add(`Google Workspace: ${vendorText(warning.message, http.redact)}`);
    }
    const reports = body.usageReports ?? [];
    if (!Array.isArray(reports)) throw new ConnectorError(`Google Workspace: usageReports on page ${pages} for ${date} is not a list`);
    for (const report of reports) {
      const parsed = parseUserReport(report, signalParameters, timeZone);
      if (parsed) users.set(parsed.email.toLowerCase(), parsed.activity);
    }
    progress?.(users.size);
    pageToken = toText(body.nextPageToken) ?? '';
    if (pageToken === '') return { users, warnings: [...warnings] };
  }
}

/** One `usageReports[]` entry: `entity.userEmail` and its `parameters[]` values. */
export function parseUserReport(report: unknown, signalParameters: Map<string, string>, timeZone?: string): { email: string; activity: UserActivity } | undefined {
  if (!isRecord(report) || !isRecord(report.entity)) return undefined;
  const email = toText(report.entity.userEmail);
  if (email === undefined) return undefined;
  const days: (string | null | undefined)[] = [];
  const signals: Record<string, number> = {};
  for (const parameter of Array.isArray(report.parameters) ? report.parameters : []) {
    if (!isRecord(parameter) || typeof parameter.name !== 'string') continue;
    if (ACTIVITY_PARAMETERS.includes(parameter.name)) days.push(dayOf(parameter.datetimeValue, timeZone));
    const signal = signalParameters.get(parameter.name);
    // intValue is an int64 and arrives as a JSON string.
    const value = toNumber(parameter.intValue);
    if (signal !== undefined && value !== undefined) signals[signal] = value;
  }
  return { email, activity: { lastActive: latestDay(...days), signals } };
}
