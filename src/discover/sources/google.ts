import { openGoogleSession } from '../../usage/google-workspace/session.ts';
import { checkPageLimit, requestJson } from '../../usage/http/index.ts';
import { baseUrl, warnUnknownKeys } from '../../usage/shared/config.ts';
import { addDays, dayOf } from '../../usage/shared/dates.ts';
import { DEFAULT_MAX_PAGES, type ConnectorOptions } from '../../usage/shared/options.ts';
import { isRecord, toText } from '../../usage/shared/values.ts';
import { ConnectorError } from '../../usage/types.ts';
import { appSlug, emailDomain, isWorkAccount } from '../slug.ts';
import type { DiscoveryContext, DiscoveryResult, DiscoverySourceImpl, SeenApp } from '../types.ts';

const VENDOR = 'Google Workspace';
export const TOKEN_AUDIT_SCOPE = 'https://www.googleapis.com/auth/admin.reports.audit.readonly';

interface Grant {
  app: string;
  day: string;
  actor: string;
}

/** The `authorize` events of one activities.list page as grants; events without an app name or actor are skipped. */
export function grantsOf(items: unknown[], timeZone?: string): Grant[] {
  const grants: Grant[] = [];
  for (const item of items) {
    if (!isRecord(item)) continue;
    const actor = isRecord(item.actor) ? toText(item.actor.email) : undefined;
    const day = isRecord(item.id) ? dayOf(item.id.time, timeZone) : undefined;
    if (actor === undefined || !day) continue;
    for (const event of Array.isArray(item.events) ? item.events : []) {
      if (!isRecord(event) || event.name !== 'authorize') continue;
      const params = new Map((Array.isArray(event.parameters) ? event.parameters : []).filter(isRecord).map((p) => [p.name, p.value]));
      const app = toText(params.get('app_name')) ?? toText(params.get('client_id'));
      if (app !== undefined) grants.push({ app, day, actor: actor.toLowerCase() });
    }
  }
  return grants;
}

/** Grants grouped per app: work accounts counted per app, every other account's grant only counted in total. */
export function appsFromGrants(grants: Grant[], workDomains: readonly string[]): { apps: SeenApp[]; outside: number } {
  const byApp = new Map<string, { name: string; users: Set<string>; first: string; last: string }>();
  let outside = 0;
  for (const g of grants) {
    if (!isWorkAccount(g.actor, workDomains)) {
      outside++;
      continue;
    }
    const id = appSlug(g.app);
    const entry = byApp.get(id) ?? { name: g.app, users: new Set<string>(), first: g.day, last: g.day };
    entry.users.add(g.actor);
    if (g.day < entry.first) entry.first = g.day;
    if (g.day > entry.last) entry.last = g.day;
    byApp.set(id, entry);
  }
  const apps = [...byApp].map(([app, e]) => ({ app, name: e.name, users: e.users.size, firstSeen: e.first, lastSeen: e.last }));
  return { apps, outside };
}

/**
 * Google Workspace OAuth token events: Reports API activities.list with applicationName=token,
 * eventName=authorize (developers.google.com/admin-sdk/reports/v1/appendix/activity/token), the
 * last 90 days. The service account needs the admin.reports.audit.readonly scope.
 */
export function googleDiscovery(options: ConnectorOptions & { now?: () => number } = {}): DiscoverySourceImpl {
  return {
    kind: 'google-workspace',
    async pull(ctx: DiscoveryContext): Promise<DiscoveryResult> {
      const warnings: string[] = [];
      warnUnknownKeys(ctx.config, ['subject', 'base_url', 'token_url'], VENDOR, warnings);
      const { subject, http, token } = await openGoogleSession(ctx, options, [TOKEN_AUDIT_SCOPE]);
      const base = baseUrl(ctx.config, 'base_url', VENDOR, 'https://admin.googleapis.com');
      const maxPages = ctx.maxPages ?? DEFAULT_MAX_PAGES;
      const grants: Grant[] = [];
      let pageToken = '';
      for (let pages = 1; ; pages++) {
        checkPageLimit(http, pages, maxPages);
        const query = new URLSearchParams({ eventName: 'authorize', startTime: `${addDays(ctx.today, -89)}T00:00:00.000Z`, maxResults: '1000' });
        if (pageToken) query.set('pageToken', pageToken);
        const url = `${base}/admin/reports/v1/activity/users/all/applications/token?${query.toString()}`;
        const { body } = await requestJson(http, url, { headers: { Authorization: `Bearer ${token}` } });
        if (!isRecord(body)) throw new ConnectorError(`${VENDOR}: token activity page ${pages} is not a JSON object`);
        const items = body.items ?? [];
        if (!Array.isArray(items)) throw new ConnectorError(`${VENDOR}: items on token activity page ${pages} is not a list`);
        grants.push(...grantsOf(items, ctx.timeZone));
        pageToken = toText(body.nextPageToken) ?? '';
        if (pageToken === '') break;
      }
      // Without work_domains in org.yaml, the admin's own domain is the work domain.
      const domains = ctx.workDomains.length > 0 ? ctx.workDomains : [emailDomain(subject)];
      const { apps, outside } = appsFromGrants(grants, domains);
      return { apps, outsideWorkDomains: outside, warnings };
    },
  };
}
