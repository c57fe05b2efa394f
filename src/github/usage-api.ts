// GitHub's license-usage endpoints: Copilot seats of an org and consumed licenses of an enterprise.
import type { GitHubClient } from './client.ts';

export interface ListOptions {
  /** Upper bound on pages (100 items each) so an API bug cannot loop forever. */
  maxPages?: number;
  /** Called with the running count of items read, after each page. */
  progress?: (read: number) => void;
}

export interface CopilotSeat {
  /** The assignee's login; null when GitHub returns a seat without a user (e.g. a deleted account). */
  login: string | null;
  /** The team through which the seat was granted, if any. */
  assigningTeam: string | null;
  createdAt: string;
  /** Null when GitHub says no activity was recorded; undefined when the seat carries no `last_activity_at` key (unknown). */
  lastActivityAt: string | null | undefined;
  lastActivityEditor: string | null;
  lastAuthenticatedAt: string | null;
  /** Set when the seat was cancelled in the current billing cycle: it stays usable until this date. */
  pendingCancellationDate: string | null;
  planType: 'business' | 'enterprise' | 'unknown' | null;
}

export interface CopilotSeats {
  totalSeats: number;
  seats: CopilotSeat[];
  /** True when `maxPages` stopped the listing before the last page. */
  truncated: boolean;
}

export interface ConsumedLicenseUser {
  login: string | null;
  name: string | null;
  /** Verified-domain, GitHub Enterprise Server and Visual Studio subscription emails, deduplicated. */
  emails: string[];
  licenseType: string;
  githubComUser: boolean;
  enterpriseServerUser: boolean;
  visualStudioSubscriptionUser: boolean;
  samlNameId: string | null;
  orgsWithPendingInvites: string[];
  enterpriseServerUserIds: string[];
  totalUserAccounts: number | null;
}

export interface ConsumedLicenses {
  totalSeatsConsumed: number;
  totalSeatsPurchased: number;
  users: ConsumedLicenseUser[];
  truncated: boolean;
}

const DEFAULT_MAX_PAGES = 1000;

/** Reads pages of `route`, following GitHub's Link header, up to `maxPages`. */
async function eachPage(octokit: GitHubClient, route: string, params: Record<string, unknown>, options: ListOptions, onPage: (data: Record<string, unknown>) => number): Promise<boolean> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  let pages = 0;
  let read = 0;
  for await (const page of octokit.paginate.iterator(route, { ...params, per_page: 100 })) {
    read += onPage((page.data ?? {}) as unknown as Record<string, unknown>);
    options.progress?.(read);
    if (++pages >= maxPages) return /rel="next"/.test(String(page.headers.link ?? ''));
  }
  return false;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : []);

function copilotSeat(raw: Record<string, unknown>): CopilotSeat {
  const assignee = (raw.assignee ?? null) as { login?: unknown; slug?: unknown } | null;
  const team = (raw.assigning_team ?? null) as { slug?: unknown } | null;
  const plan = raw.plan_type;
  return {
    login: str(assignee?.login),
    assigningTeam: str(team?.slug),
    createdAt: String(raw.created_at),
    lastActivityAt: 'last_activity_at' in raw ? str(raw.last_activity_at) : undefined,
    lastActivityEditor: str(raw.last_activity_editor),
    lastAuthenticatedAt: str(raw.last_authenticated_at),
    pendingCancellationDate: str(raw.pending_cancellation_date),
    planType: plan === 'business' || plan === 'enterprise' || plan === 'unknown' ? plan : null,
  };
}

/** Every Copilot seat the organization is billed for (GET /orgs/{org}/copilot/billing/seats, all pages). */
export async function listCopilotSeats(octokit: GitHubClient, org: string, options: ListOptions = {}): Promise<CopilotSeats> {
  const seats: CopilotSeat[] = [];
  let totalSeats = 0;
  const truncated = await eachPage(octokit, 'GET /orgs/{org}/copilot/billing/seats', { org }, options, (data) => {
    totalSeats = typeof data.total_seats === 'number' ? data.total_seats : totalSeats;
    const page = Array.isArray(data.seats) ? (data.seats as Record<string, unknown>[]) : [];
    seats.push(...page.map(copilotSeat));
    return page.length;
  });
  return { totalSeats, seats, truncated };
}

function consumedUser(raw: Record<string, unknown>): ConsumedLicenseUser {
  const emails = [...strings(raw.github_com_verified_domain_emails), ...strings(raw.enterprise_server_emails), ...strings([raw.visual_studio_subscription_email])];
  return {
    login: str(raw.github_com_login),
    name: str(raw.github_com_name),
    emails: [...new Set(emails.map((e) => e.toLowerCase()))],
    licenseType: str(raw.license_type) ?? 'unknown',
    githubComUser: raw.github_com_user === true,
    enterpriseServerUser: raw.enterprise_server_user === true,
    visualStudioSubscriptionUser: raw.visual_studio_subscription_user === true,
    samlNameId: str(raw.github_com_saml_name_id),
    orgsWithPendingInvites: strings(raw.github_com_orgs_with_pending_invites),
    enterpriseServerUserIds: strings(raw.enterprise_server_user_ids),
    totalUserAccounts: typeof raw.total_user_accounts === 'number' ? raw.total_user_accounts : null,
  };
}

/** Every user consuming a license of the enterprise (GET /enterprises/{enterprise}/consumed-licenses, all pages). */
export async function listConsumedLicenses(octokit: GitHubClient, enterprise: string, options: ListOptions = {}): Promise<ConsumedLicenses> {
  const users: ConsumedLicenseUser[] = [];
  let totalSeatsConsumed = 0;
  let totalSeatsPurchased = 0;
  const truncated = await eachPage(octokit, 'GET /enterprises/{enterprise}/consumed-licenses', { enterprise }, options, (data) => {
    if (typeof data.total_seats_consumed === 'number') totalSeatsConsumed = data.total_seats_consumed;
    if (typeof data.total_seats_purchased === 'number') totalSeatsPurchased = data.total_seats_purchased;
    const page = Array.isArray(data.users) ? (data.users as Record<string, unknown>[]) : [];
    users.push(...page.map(consumedUser));
    return page.length;
  });
  return { totalSeatsConsumed, totalSeatsPurchased, users, truncated };
}
