import { oktaSession } from '../../usage/okta/session.ts';
import { listAll } from '../../usage/okta/paging.ts';
import { warnUnknownKeys } from '../../usage/shared/config.ts';
import { dayOf } from '../../usage/shared/dates.ts';
import type { ConnectorOptions } from '../../usage/shared/options.ts';
import { isRecord, toText } from '../../usage/shared/values.ts';
import { appSlug, hostOf } from '../slug.ts';
import type { DiscoveryContext, DiscoveryResult, DiscoverySourceImpl, SeenApp } from '../types.ts';

// Okta's own apps (the dashboard, the browser plugin, the admin console) are no one's shadow IT.
const OKTA_INTERNAL = /^(?:okta_|saasure$|active_directory$)/;

/** The domain an Okta app points at: the SAML ACS URL, else the first URL among its app settings (sorted by key). */
export function oktaAppDomain(app: Record<string, unknown>): string | undefined {
  const settings = isRecord(app.settings) ? app.settings : {};
  const signOn = isRecord(settings.signOn) ? settings.signOn : {};
  const appSettings = isRecord(settings.app) ? settings.app : {};
  const candidates = [signOn.ssoAcsUrl, ...Object.keys(appSettings).sort().map((k) => appSettings[k])];
  return candidates.map(hostOf).find((h) => h !== undefined && !h.endsWith('.okta.com'));
}

/**
 * Okta Apps API (developer.okta.com, "Applications": GET /api/v1/apps and
 * /api/v1/apps/{appId}/users, Link-header paging): each active app with the number of users assigned.
 */
export function oktaDiscovery(options: ConnectorOptions = {}): DiscoverySourceImpl {
  return {
    kind: 'okta',
    async pull(ctx: DiscoveryContext): Promise<DiscoveryResult> {
      const { base, http, headers, maxPages } = oktaSession(ctx, options, 'discovery');
      const warnings: string[] = [];
      warnUnknownKeys(ctx.config, ['base_url'], 'Okta', warnings);
      const apps: Record<string, unknown>[] = [];
      const filter = encodeURIComponent('status eq "ACTIVE"');
      await listAll(http, `${base}/api/v1/apps?limit=200&filter=${filter}`, headers, maxPages, (items) => {
        for (const item of items) if (isRecord(item) && typeof item.id === 'string') apps.push(item);
      });
      const seen: SeenApp[] = [];
      for (const app of apps) {
        const name = toText(app.label) ?? toText(app.name) ?? (app.id as string);
        if (OKTA_INTERNAL.test(toText(app.name) ?? '')) continue;
        const users = new Set<string>();
        const url = `${base}/api/v1/apps/${encodeURIComponent(app.id as string)}/users?limit=500`;
        await listAll(http, url, headers, maxPages, (items) => {
          for (const u of items) {
            if (!isRecord(u) || u.status === 'INACTIVE' || u.status === 'DEPROVISIONED') continue;
            const id = toText(u.id) ?? (isRecord(u.credentials) ? toText(u.credentials.userName) : undefined);
            if (id !== undefined) users.add(id);
          }
        });
        const domain = oktaAppDomain(app);
        seen.push({ app: appSlug(name), name, ...(domain ? { domain } : {}), users: users.size, firstSeen: dayOf(app.created, ctx.timeZone) ?? ctx.today, lastSeen: ctx.today });
      }
      return { apps: seen, warnings };
    },
  };
}
