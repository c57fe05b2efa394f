import { sourceEnv } from '../../secrets/env.ts';
import { checkPageLimit, requestJson, sameOrigin, type Http } from '../../usage/http/index.ts';
import { describeGraphError, graphToken } from '../../usage/microsoft-365/auth.ts';
import { baseUrl, requireEnv, warnUnknownKeys } from '../../usage/shared/config.ts';
import { DEFAULT_MAX_PAGES, httpFor, type ConnectorOptions } from '../../usage/shared/options.ts';
import { isRecord, toText } from '../../usage/shared/values.ts';
import { ConnectorError } from '../../usage/types.ts';
import { appSlug, hostOf } from '../slug.ts';
import type { DiscoveryContext, DiscoveryResult, DiscoverySourceImpl, SeenApp } from '../types.ts';

const VENDOR = 'Microsoft Entra ID';
const ENV = sourceEnv('microsoft-365');
// Microsoft's own tenants own the first-party service principals (Graph, Office, Teams...): not shadow IT.
const MICROSOFT_TENANTS = new Set(['f8cdef31-a31e-4b4a-93e4-5f571e91255a', '72f988bf-86f1-41af-91ab-2d7cd011db47']);
const SP_SELECT = 'id,appId,appDisplayName,displayName,homepage,replyUrls,appOwnerOrganizationId';

/** Every item of a Graph collection, following `@odata.nextLink`. */
async function listGraph(http: Http, first: string, token: string, maxPages: number, what: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let url: string | undefined = first;
  for (let pages = 1; url !== undefined; pages++) {
    checkPageLimit(http, pages, maxPages);
    const { body } = await requestJson(http, url, { headers: { Authorization: `Bearer ${token}` } });
    if (!isRecord(body) || !Array.isArray(body.value)) throw new ConnectorError(`${VENDOR}: ${what} page ${pages} has no "value" list`);
    out.push(...body.value.filter(isRecord));
    const next = toText(body['@odata.nextLink']);
    url = next === undefined ? undefined : sameOrigin(http, first, next);
  }
  return out;
}

/** Service principals with delegated grants, as apps: users are the distinct consenting principals. */
export function appsFromGrants(principals: Record<string, unknown>[], grants: Record<string, unknown>[], today: string, ownTenant?: string): SeenApp[] {
  const byClient = new Map<string, { users: Set<string>; all: boolean }>();
  for (const g of grants) {
    const client = toText(g.clientId);
    if (client === undefined) continue;
    const entry = byClient.get(client) ?? { users: new Set<string>(), all: false };
    if (g.consentType === 'AllPrincipals') entry.all = true;
    const principal = toText(g.principalId);
    if (principal !== undefined) entry.users.add(principal);
    byClient.set(client, entry);
  }
  const apps: SeenApp[] = [];
  for (const sp of principals) {
    const grant = byClient.get(toText(sp.id) ?? '');
    const owner = toText(sp.appOwnerOrganizationId);
    if (!grant || (owner !== undefined && (MICROSOFT_TENANTS.has(owner) || owner === ownTenant))) continue;
    const name = toText(sp.appDisplayName) ?? toText(sp.displayName) ?? toText(sp.appId) ?? 'unnamed';
    const domain = [sp.homepage, ...(Array.isArray(sp.replyUrls) ? sp.replyUrls : [])].map(hostOf).find((h) => h !== undefined && h !== 'localhost');
    apps.push({ app: appSlug(name), name, ...(domain ? { domain } : {}), users: grant.users.size, ...(grant.all ? { allUsers: true } : {}), firstSeen: today, lastSeen: today });
  }
  return apps;
}

/**
 * Microsoft Entra ID: service principals (Graph GET /v1.0/servicePrincipals) that hold delegated
 * permission grants (GET /v1.0/oauth2PermissionGrants): third-party apps people consented to.
 * Needs Application.Read.All and DelegatedPermissionGrant.Read.All. Grants carry no dates: the
 * first day seen comes from the previous snapshot.
 */
export function entraDiscovery(options: ConnectorOptions = {}): DiscoverySourceImpl {
  return {
    kind: 'entra-id',
    async pull(ctx: DiscoveryContext): Promise<DiscoveryResult> {
      const secrets = requireEnv(ctx.env, ENV, VENDOR);
      const warnings: string[] = [];
      warnUnknownKeys(ctx.config, ['base_url', 'token_url'], VENDOR, warnings);
      const base = baseUrl(ctx.config, 'base_url', VENDOR, 'https://graph.microsoft.com');
      const tokenUrl = baseUrl(ctx.config, 'token_url', VENDOR, `https://login.microsoftonline.com/${encodeURIComponent(secrets.M365_TENANT_ID)}/oauth2/v2.0/token`);
      const http = httpFor(VENDOR, ctx, options, describeGraphError);
      const token = await graphToken(http, tokenUrl, secrets.M365_CLIENT_ID, secrets.M365_CLIENT_SECRET, base);
      const maxPages = ctx.maxPages ?? DEFAULT_MAX_PAGES;
      const grants = await listGraph(http, `${base}/v1.0/oauth2PermissionGrants?$top=999`, token, maxPages, 'oauth2PermissionGrants');
      const principals = await listGraph(http, `${base}/v1.0/servicePrincipals?$select=${SP_SELECT}&$top=999`, token, maxPages, 'servicePrincipals');
      return { apps: appsFromGrants(principals, grants, ctx.today, secrets.M365_TENANT_ID), warnings };
    },
  };
}
