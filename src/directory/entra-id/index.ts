import { sourceEnv } from '../../secrets/env.ts';
import { ConnectorError } from '../../usage/types.ts';
import { checkPageLimit, requestJson, sameOrigin } from '../../usage/http/index.ts';
import { baseUrl, requireEnv, warnUnknownKeys } from '../../usage/shared/config.ts';
import { httpFor, DEFAULT_MAX_PAGES, type ConnectorOptions } from '../../usage/shared/options.ts';
import { isRecord, toText } from '../../usage/shared/values.ts';
import { describeGraphError, graphToken } from '../../usage/microsoft-365/auth.ts';
import { makeEntry } from '../entry.ts';
import type { DirectoryContext, DirectoryEntry, DirectoryResult, DirectorySourceImpl } from '../types.ts';

const VENDOR = 'Microsoft Entra ID';
const ENV = sourceEnv('microsoft-365');
const SELECT = 'id,displayName,mail,userPrincipalName,otherMails,accountEnabled,department,jobTitle,officeLocation,employeeType,employeeHireDate,employeeLeaveDateTime,employeeOrgData';

/**
 * Maps a Graph user (learn.microsoft.com/graph/api/resources/user): employeeOrgData.costCenter,
 * the expanded manager's id, employeeHireDate and employeeLeaveDateTime. A disabled account
 * or a leave date that has passed makes a leaver; a future leave date is kept as the end.
 */
export function mapGraphPerson(user: unknown, today: string): DirectoryEntry | undefined {
  if (!isRecord(user)) return undefined;
  const orgData = isRecord(user.employeeOrgData) ? user.employeeOrgData : {};
  const manager = isRecord(user.manager) ? user.manager : {};
  const end = toText(user.employeeLeaveDateTime)?.slice(0, 10);
  const left = user.accountEnabled === false || (end !== undefined && end <= today);
  return makeEntry({
    directoryId: user.id,
    email: user.mail ?? user.userPrincipalName,
    aliases: [user.userPrincipalName, ...(Array.isArray(user.otherMails) ? user.otherMails : [])],
    name: user.displayName,
    department: user.department,
    title: user.jobTitle,
    costCentre: orgData.costCenter,
    location: user.officeLocation,
    employmentType: user.employeeType,
    manager: manager.id,
    status: left ? 'leaver' : 'active',
    start: user.employeeHireDate,
    end,
  });
}

/** Entra ID users from Microsoft Graph `/users`, with their manager expanded; the app needs User.Read.All. */
export function entraIdDirectory(options: ConnectorOptions = {}): DirectorySourceImpl {
  return {
    id: 'entra-id',
    env: [...ENV],
    async pull(ctx: DirectoryContext): Promise<DirectoryResult> {
      const secrets = requireEnv(ctx.env, ENV, VENDOR);
      const base = baseUrl(ctx.config, 'base_url', VENDOR, 'https://graph.microsoft.com');
      const tokenUrl = baseUrl(ctx.config, 'token_url', VENDOR, `https://login.microsoftonline.com/${encodeURIComponent(secrets.M365_TENANT_ID)}/oauth2/v2.0/token`);
      const warnings: string[] = [];
      warnUnknownKeys(ctx.config, ['base_url', 'token_url', 'departments'], VENDOR, warnings);
      const http = httpFor(VENDOR, ctx, options, describeGraphError);
      const token = await graphToken(http, tokenUrl, secrets.M365_CLIENT_ID, secrets.M365_CLIENT_SECRET, base);
      const maxPages = ctx.maxPages ?? DEFAULT_MAX_PAGES;
      const first = `${base}/v1.0/users?$select=${SELECT}&$expand=manager($select=id)&$top=999`;
      const entries: DirectoryEntry[] = [];
      let url: string | undefined = first;
      for (let pages = 1; url !== undefined; pages++) {
        checkPageLimit(http, pages, maxPages);
        const { body } = await requestJson(http, url, { headers: { Authorization: `Bearer ${token}` } });
        if (!isRecord(body) || !Array.isArray(body.value)) throw new ConnectorError(`${VENDOR}: users page ${pages} has no "value" list`);
        for (const item of body.value) {
          const entry = mapGraphPerson(item, ctx.today);
          if (entry) entries.push(entry);
        }
        const next = toText(body['@odata.nextLink']);
        url = next === undefined ? undefined : sameOrigin(http, first, next);
      }
      return { entries, warnings };
    },
  };
}
