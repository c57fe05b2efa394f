// The fake's state: plain data that handlers change and tests read or seed directly.

export interface LabelState {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

/** An issue or a pull request: GitHub numbers them from one sequence and PRs are issues too. */
export interface IssueState {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: 'completed' | 'not_planned' | 'reopened' | 'duplicate' | null;
  labels: string[];
  assignees: string[];
  user: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  locked: boolean;
  pull?: PullState;
}

export interface PullState {
  id: number;
  head: string;
  base: string;
  draft: boolean;
  merged_at: string | null;
  merged_by: string | null;
  merge_commit_sha: string | null;
  requested_reviewers: string[];
  requested_teams: string[];
  maintainer_can_modify: boolean;
  /** Reviews in the order they were submitted (GET .../pulls/{n}/reviews). */
  reviews?: ReviewState[];
  /** Commits the PR brought in besides its merge commit (GET .../commits/{sha}/pulls). */
  commits?: string[];
}

export interface ReviewState {
  id: number;
  user: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  body: string;
  submitted_at: string;
}

/** What GET /repos/{o}/{r}/commits/{sha} answers about a commit: its message and GitHub's signature verdict. */
export interface CommitFactsState {
  message: string;
  author: { name: string; email: string; date: string };
  committer: { name: string; email: string; date: string };
  parents: string[];
  verification: { verified: boolean; reason: string; signature: string | null };
}

export interface CommentState {
  id: number;
  issue_number: number;
  body: string;
  user: string;
  created_at: string;
  updated_at: string;
}

export interface RepoState {
  id: number;
  owner: string;
  name: string;
  default_branch: string;
  private: boolean;
  /** A bare git repository whose refs are the repo's branches; when absent, `branches` is the truth. */
  gitDir?: string;
  branches: Map<string, string>;
  /** Branches read from git during the current request (`FakeState.serial`), so one answer spawns git once. */
  gitBranches?: { serial: number; map: Map<string, string> };
  labels: LabelState[];
  issues: IssueState[];
  comments: CommentState[];
  nextNumber: number;
  /** Commits served by GET .../commits/{ref}, by sha (set with `GitHubFake.setCommit`). */
  commits?: Map<string, CommitFactsState>;
}

/** One Copilot seat as the fake keeps it; the response object is built from it. */
export interface CopilotSeatState {
  login: string;
  created_at: string;
  /** Undefined: the key is left out of the response (the OpenAPI schema does not require it). */
  last_activity_at: string | null | undefined;
  last_activity_editor: string | null;
  pending_cancellation_date: string | null;
  plan_type: 'business' | 'enterprise' | 'unknown';
  assigning_team?: string;
}

/** One user of GitHub's "consumed licenses" report, in GitHub's own field names. */
export interface ConsumedLicenseUser {
  github_com_login: string;
  github_com_name?: string | null;
  enterprise_server_user_ids?: string[];
  github_com_user?: boolean;
  enterprise_server_user?: boolean | null;
  visual_studio_subscription_user?: boolean;
  license_type: string;
  github_com_profile?: string | null;
  github_com_member_roles?: string[];
  github_com_enterprise_roles?: string[];
  github_com_verified_domain_emails?: string[];
  github_com_saml_name_id?: string | null;
  github_com_orgs_with_pending_invites?: string[];
  github_com_two_factor_auth?: boolean | null;
  enterprise_server_emails?: string[];
  visual_studio_license_status?: string | null;
  visual_studio_subscription_email?: string | null;
  total_user_accounts?: number;
}

export interface EnterpriseState {
  slug: string;
  total_seats_purchased: number;
  users: ConsumedLicenseUser[];
}

export class FakeState {
  /** The login of whoever holds the token: the bot. */
  viewer: string;
  readonly repos = new Map<string, RepoState>();
  readonly users = new Map<string, number>();
  readonly copilot = new Map<string, CopilotSeatState[]>();
  readonly enterprises = new Map<string, EnterpriseState>();
  /** Counts requests; caches that must not outlive one request compare against it. */
  serial = 0;
  private ids = 1000;
  private ticks = 0;
  private readonly epoch: number;

  constructor(viewer: string, epoch = Date.parse('2026-01-05T09:00:00Z')) {
    this.viewer = viewer;
    this.epoch = epoch;
  }

  nextId(): number {
    return ++this.ids;
  }

  /** A deterministic clock: each call is one second after the previous one. */
  now(): string {
    return new Date(this.epoch + 1000 * this.ticks++).toISOString().replace('.000Z', 'Z');
  }

  userId(login: string): number {
    let id = this.users.get(login);
    if (id === undefined) this.users.set(login, (id = this.nextId()));
    return id;
  }

  addRepo(fullName: string, options: { defaultBranch?: string; gitDir?: string; private?: boolean } = {}): RepoState {
    const [owner, name] = fullName.split('/');
    if (!owner || !name) throw new Error(`github-fake: repository must be "owner/name", got ${fullName}`);
    const defaultBranch = options.defaultBranch ?? 'main';
    const repo: RepoState = {
      id: this.nextId(),
      owner,
      name,
      default_branch: defaultBranch,
      private: options.private ?? true,
      branches: new Map(options.gitDir ? [] : [[defaultBranch, fakeSha(`${fullName}@${defaultBranch}`)]]),
      labels: [],
      issues: [],
      comments: [],
      nextNumber: 1,
    };
    if (options.gitDir) repo.gitDir = options.gitDir;
    this.repos.set(`${owner}/${name}`.toLowerCase(), repo);
    return repo;
  }

  repo(owner: string, name: string): RepoState | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }
}

/** A stable 40-hex "sha" for branches that no real git repository backs. */
export function fakeSha(seed: string): string {
  let out = '';
  let h = 2166136261;
  for (let round = 0; out.length < 40; round++) {
    for (const ch of `${seed}#${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 40);
}
