import { sourceEnv } from '../../secrets/env.ts';
import { ConnectorError } from '../../usage/types.ts';
import { baseUrl, requireEnv, warnUnknownKeys } from '../../usage/shared/config.ts';
import { httpFor, DEFAULT_MAX_PAGES, type ConnectorOptions } from '../../usage/shared/options.ts';
import { describeOktaError, listAll } from '../../usage/okta/paging.ts';
import { isRecord } from '../../usage/shared/values.ts';
import { fullName, makeEntry } from '../entry.ts';
import type { DirectoryContext, DirectoryEntry, DirectoryResult, DirectorySourceImpl } from '../types.ts';

const VENDOR = 'Okta';
const ENV = sourceEnv('okta');

/** Okta lifecycle -> ours: DEPROVISIONED users have left; SUSPENDED ones are away (Okta's usual leave-of-absence state). */
function status(value: unknown): DirectoryEntry['status'] {
  if (value === 'DEPROVISIONED') return 'leaver';
  if (value === 'SUSPENDED') return 'on-leave';
  return 'active';
}

/** Maps an Okta User object (developer.okta.com, Users API): the base profile's department, title, costCenter and managerId. */
export function mapOktaPerson(user: unknown): DirectoryEntry | undefined {
  if (!isRecord(user)) return undefined;
  const p = isRecord(user.profile) ? user.profile : {};
  return makeEntry({
    directoryId: user.id,
    email: p.email ?? p.login,
    aliases: [p.login, p.secondEmail],
    name: fullName(p.firstName, p.lastName) ?? p.displayName,
    department: p.department,
    title: p.title,
    costCentre: p.costCenter,
    location: p.city,
    employmentType: p.userType,
    manager: p.managerId,
    status: status(user.status),
    // Okta keeps no leaving date: the day the account was deprovisioned stands in for it.
    end: user.status === 'DEPROVISIONED' ? user.statusChanged : undefined,
  });
}

/** Okta users: `/api/v1/users` (which leaves DEPROVISIONED out) and a second list filtered to them. */
export function oktaDirectory(options: ConnectorOptions = {}): DirectorySourceImpl {
  return {
    id: 'okta',
    env: [...ENV],
    async pull(ctx: DirectoryContext): Promise<DirectoryResult> {
      const { OKTA_API_TOKEN: token } = requireEnv(ctx.env, ENV, VENDOR);
      if (ctx.config.base_url === undefined) {
        throw new ConnectorError(`${VENDOR}: directory.config.base_url is missing`, 'Set it to your Okta org URL in org.yaml, e.g. `base_url: https://example.okta.com`.');
      }
      const base = baseUrl(ctx.config, 'base_url', VENDOR, '');
      const http = httpFor(VENDOR, ctx, options, describeOktaError);
      const headers = { Authorization: `SSWS ${token}`, Accept: 'application/json' };
      const maxPages = ctx.maxPages ?? DEFAULT_MAX_PAGES;
      const warnings: string[] = [];
      warnUnknownKeys(ctx.config, ['base_url', 'departments'], VENDOR, warnings);
      const entries: DirectoryEntry[] = [];
      const collect = (items: unknown[]) => {
        for (const item of items) {
          const entry = mapOktaPerson(item);
          if (entry) entries.push(entry);
        }
      };
      await listAll(http, `${base}/api/v1/users?limit=200`, headers, maxPages, collect);
      await listAll(http, `${base}/api/v1/users?limit=200&filter=${encodeURIComponent('status eq "DEPROVISIONED"')}`, headers, maxPages, collect);
      return { entries, warnings };
    },
  };
}
