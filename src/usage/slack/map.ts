import type { UsageAccount } from '../types.ts';
import { compact } from '../shared/accounts.ts';
import { isRecord, toBool, toText } from '../shared/values.ts';

/**
 * Maps a Slack user object from `users.list`. Bots and Slackbot (which Slack reports with
 * `is_bot: false`, id USLACKBOT) are not seats and are skipped. Multi- and single-channel
 * guests (`is_restricted` / `is_ultra_restricted`) are guests; `tiers` may map the kinds
 * `member`, `multi_channel_guest` and `single_channel_guest` to tier ids. Slack's `updated` is the time the
 * profile last changed, not activity, so it is not used as last_active.
 */
export function mapSlackMember(member: unknown, billing: Map<string, boolean>, tiers: Map<string, string>): UsageAccount | undefined {
  if (!isRecord(member)) return undefined;
  const id = toText(member.id);
  if (id === undefined || id === 'USLACKBOT' || toBool(member.is_bot) === true || toBool(member.is_app_user) === true) return undefined;
  const profile = isRecord(member.profile) ? member.profile : {};
  const email = toText(profile.email);
  const guestKind = toBool(member.is_ultra_restricted) ? 'single_channel_guest' : toBool(member.is_restricted) ? 'multi_channel_guest' : 'member';
  const status: UsageAccount['status'] = toBool(member.deleted)
    ? 'deactivated'
    : guestKind !== 'member'
      ? 'guest'
      : toBool(member.is_invited_user)
        ? 'invited'
        : 'active';
  const billingActive = billing.get(id);
  return compact({
    account: email ?? id,
    email,
    login: toText(member.name),
    name: toText(member.real_name) ?? toText(profile.real_name),
    tier: tiers.get(guestKind),
    status,
    signals: billingActive === undefined ? undefined : { billing_active: billingActive ? 1 : 0 },
  });
}
