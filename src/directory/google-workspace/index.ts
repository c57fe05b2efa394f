import { ConnectorError } from '../../usage/types.ts';
import { checkPageLimit, requestJson, type Http } from '../../usage/http/index.ts';
import { baseUrl, optionalString, warnUnknownKeys } from '../../usage/shared/config.ts';
import { DEFAULT_MAX_PAGES, type ConnectorOptions } from '../../usage/shared/options.ts';
import { isRecord, toText } from '../../usage/shared/values.ts';
import { GOOGLE as VENDOR, GOOGLE_ENV as ENV, openGoogleSession } from '../../usage/google-workspace/session.ts';
import { makeEntry } from '../entry.ts';
import type { DirectoryContext, DirectoryEntry, DirectoryResult, DirectorySourceImpl } from '../types.ts';

export const DIRECTORY_SCOPES = ['https://www.googleapis.com/auth/admin.directory.user.readonly'];

const list = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter(isRecord) : []);

/**
 * Maps an Admin SDK Directory API User resource (developers.google.com/admin-sdk/directory/reference/rest/v1/users):
 * the primary organization's department, title and costCenter, the `manager` relation, and
 * `archived` (or a deleted user) as a leaver.
 */
export function mapGooglePerson(user: unknown, deleted = false): DirectoryEntry | undefined {
  if (!isRecord(user)) return undefined;
  const orgs = list(user.organizations);
  const org = orgs.find((o) => o.primary === true) ?? orgs[0] ?? {};
  const manager = list(user.relations).find((r) => r.type === 'manager');
  const name = isRecord(user.name) ? user.name : {};
  const leaver = deleted || user.archived === true;
  return makeEntry({
    directoryId: user.id,
    email: user.primaryEmail,
    aliases: [...(Array.isArray(user.aliases) ? user.aliases : []), ...list(user.emails).map((e) => e.address)],
    name: name.fullName ?? [toText(name.givenName), toText(name.familyName)].filter(Boolean).join(' '),
    department: org.department,
    title: org.title,
    costCentre: org.costCenter,
    // The Admin console's "Employee type" is stored as the organization's description.
    location: org.location,
    employmentType: org.description,
    manager: manager?.value,
    status: leaver ? 'leaver' : user.suspended === true ? 'on-leave' : 'active',
    end: deleted ? user.deletionTime : undefined,
  });
}

async function listUsers(http: Http, first: string, token: string, maxPages: number, onPage: (users: unknown[]) => void): Promise<void> {
  let pageToken: string | undefined;
  for (let pages = 1; ; pages++) {
    checkPageLimit(http, pages, maxPages);
    const url = pageToken === undefined ? first : `${first}&pageToken=${encodeURIComponent(pageToken)}`;
    const { body } = await requestJson(http, url, { headers: { Authorization: `Bearer ${token}` } });
    if (!isRecord(body)) throw new ConnectorError(`${VENDOR}: users page ${pages} is not a JSON object`);
    onPage(Array.isArray(body.users) ? body.users : []);
    const next = toText(body.nextPageToken);
    if (next === undefined) return;
    if (next === pageToken) throw new ConnectorError(`${VENDOR}: the users list repeats its page token`);
    pageToken = next;
  }
}

/** Google Workspace users from the Admin SDK Directory API, and the deleted ones (`showDeleted=true`) as leavers. */
export function googleWorkspaceDirectory(options: ConnectorOptions & { now?: () => number } = {}): DirectorySourceImpl {
  return {
    id: 'google-workspace',
    env: [...ENV],
    async pull(ctx: DirectoryContext): Promise<DirectoryResult> {
      const base = baseUrl(ctx.config, 'base_url', VENDOR, 'https://admin.googleapis.com');
      const customer = optionalString(ctx.config, 'customer_id', VENDOR) ?? 'my_customer';
      const warnings: string[] = [];
      warnUnknownKeys(ctx.config, ['subject', 'base_url', 'token_url', 'customer_id', 'departments'], VENDOR, warnings);
      const { http, token } = await openGoogleSession(ctx, options, DIRECTORY_SCOPES);
      const maxPages = ctx.maxPages ?? DEFAULT_MAX_PAGES;
      const first = `${base}/admin/directory/v1/users?customer=${encodeURIComponent(customer)}&maxResults=500&projection=full`;
      const entries: DirectoryEntry[] = [];
      const collect = (deleted: boolean) => (users: unknown[]) => {
        for (const user of users) {
          const entry = mapGooglePerson(user, deleted);
          if (entry) entries.push(entry);
        }
      };
      await listUsers(http, first, token, maxPages, collect(false));
      await listUsers(http, `${first}&showDeleted=true`, token, maxPages, collect(true));
      return { entries, warnings };
    },
  };
}
