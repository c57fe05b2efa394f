import { warnUnknownKeys } from '../../usage/shared/config.ts';
import type { ConnectorOptions } from '../../usage/shared/options.ts';
import { listAll } from '../../usage/okta/paging.ts';
import { OKTA as VENDOR, OKTA_ENV as ENV, oktaSession } from '../../usage/okta/session.ts';
import { isRecord } from '../../usage/shared/values.ts';
import { fullName, makeEntry } from '../entry.ts';
import type { DirectoryContext, DirectoryEntry, DirectoryResult, DirectorySourceImpl } from '../types.ts';

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
      const { base, http, headers, maxPages } = oktaSession(ctx, options, 'directory');
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
