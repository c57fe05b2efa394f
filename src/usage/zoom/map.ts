import type { UsageAccount } from '../types.ts';
import { compact } from '../shared/accounts.ts';
import { dayOf } from '../shared/dates.ts';
import { isRecord, toNumber, toText } from '../shared/values.ts';

/** Zoom's user `type`: 1 Basic, 2 Licensed, 4 Unassigned without Meetings Basic, 99 None. */
const TYPE_NAMES: Record<number, string> = { 1: 'basic', 2: 'licensed', 4: 'unassigned', 99: 'none' };

/**
 * Maps a Zoom user from `/v2/users`. `last_login_time` is left out by Zoom for a user who
 * never signed in, so an active user without it has never logged in (null). The tier is
 * `tiers[type]` (keys "1", "2" or "basic", "licensed"), else the type's name.
 */
export function mapZoomUser(user: unknown, listStatus: string, tiers: Map<string, string>, timeZone?: string): UsageAccount | undefined {
  if (!isRecord(user)) return undefined;
  const email = toText(user.email);
  const account = email ?? toText(user.id);
  if (account === undefined) return undefined;
  const type = toNumber(user.type);
  const typeName = type === undefined ? undefined : (TYPE_NAMES[type] ?? String(type));
  const tier =
    type === undefined || typeName === undefined
      ? undefined
      : tiers.size === 0
        ? typeName
        : (tiers.get(String(type)) ?? tiers.get(typeName));
  const status = toText(user.status) ?? listStatus;
  const name = toText(user.display_name) ?? ([toText(user.first_name), toText(user.last_name)].filter(Boolean).join(' ') || undefined);
  const raw = user.last_login_time;
  return compact({
    account,
    email,
    login: toText(user.id),
    name,
    tier,
    status: status === 'active' ? 'active' : status === 'inactive' ? 'deactivated' : status === 'pending' ? 'invited' : undefined,
    last_active: raw === undefined || raw === null || raw === '' ? null : dayOf(raw, timeZone),
  });
}
