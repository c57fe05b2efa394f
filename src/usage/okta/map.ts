import type { UsageAccount } from '../types.ts';
import { dayOf } from '../shared/dates.ts';
import { isRecord, toText } from '../shared/values.ts';
import { compact } from '../shared/accounts.ts';

/** Okta user lifecycle status -> ours. STAGED and PROVISIONED users have never signed in. */
export function mapOktaStatus(status: unknown): UsageAccount['status'] {
  switch (status) {
    case 'ACTIVE':
    case 'RECOVERY':
    case 'PASSWORD_EXPIRED':
    case 'LOCKED_OUT':
      return 'active';
    case 'SUSPENDED':
      return 'suspended';
    case 'DEPROVISIONED':
      return 'deactivated';
    case 'STAGED':
    case 'PROVISIONED':
      return 'invited';
    default:
      return undefined;
  }
}

/** Maps an Okta User object (`/api/v1/users`); returns undefined when it has no login. */
export function mapOktaUser(user: unknown, appUserName?: string, timeZone?: string): UsageAccount | undefined {
  if (!isRecord(user)) return undefined;
  const profile = isRecord(user.profile) ? user.profile : {};
  const login = toText(profile.login);
  const account = login ?? appUserName;
  if (account === undefined) return undefined;
  const name = [toText(profile.firstName), toText(profile.lastName)].filter(Boolean).join(' ');
  // lastLogin is null for a user who never signed in.
  const lastActive = user.lastLogin === null ? null : dayOf(user.lastLogin, timeZone);
  return compact({
    account,
    email: toText(profile.email),
    login: appUserName ?? login,
    name: name === '' ? undefined : name,
    status: mapOktaStatus(user.status),
    last_active: lastActive,
  });
}

/**
 * Maps an app assignment (`/api/v1/apps/{appId}/users?expand=user`). The embedded user
 * carries lastLogin and the lifecycle status; without it the assignment's own status is used.
 */
export function mapOktaAppUser(appUser: unknown, timeZone?: string): UsageAccount | undefined {
  if (!isRecord(appUser)) return undefined;
  const credentials = isRecord(appUser.credentials) ? appUser.credentials : {};
  const userName = toText(credentials.userName);
  const embedded = isRecord(appUser._embedded) ? appUser._embedded.user : undefined;
  if (isRecord(embedded)) return mapOktaUser(embedded, userName, timeZone);
  if (userName === undefined) return undefined;
  const profile = isRecord(appUser.profile) ? appUser.profile : {};
  return compact({
    account: userName,
    email: toText(profile.email),
    login: userName,
    status: mapAppAssignmentStatus(appUser.status),
  });
}

function mapAppAssignmentStatus(status: unknown): UsageAccount['status'] {
  if (status === 'ACTIVE' || status === 'PROVISIONED') return 'active';
  if (status === 'STAGED' || status === 'PENDING') return 'invited';
  if (status === 'INACTIVE' || status === 'DEPROVISIONED' || status === 'REVOKED') return 'deactivated';
  return undefined;
}
