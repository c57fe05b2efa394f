// GET /orgs/{org}/copilot/billing/seats: Copilot seats with GitHub's Link-header paging (per_page default 50).
import { nodeId, simpleUser, type Obj } from './objects.ts';
import { notFound, paginate, type FakeRequest, type Route } from './router.ts';
import type { CopilotSeatState } from './state.ts';

function organization(req: FakeRequest, org: string): Obj {
  const id = req.state.userId(org);
  const api = `${req.urls.api}/orgs/${org}`;
  return {
    login: org,
    id,
    node_id: nodeId('Organization', id),
    url: api,
    repos_url: `${api}/repos`,
    events_url: `${api}/events`,
    hooks_url: `${api}/hooks`,
    issues_url: `${api}/issues`,
    members_url: `${api}/members{/member}`,
    public_members_url: `${api}/public_members{/member}`,
    avatar_url: `${req.urls.web}/avatars/${org}`,
    description: null,
  };
}

function team(req: FakeRequest, org: string, slug: string): Obj {
  const id = req.state.userId(`${org}/${slug}`);
  const api = `${req.urls.api}/organizations/${req.state.userId(org)}/team/${id}`;
  return {
    id,
    node_id: nodeId('Team', id),
    url: api,
    html_url: `${req.urls.web}/orgs/${org}/teams/${slug}`,
    name: slug,
    slug,
    description: null,
    privacy: 'closed',
    notification_setting: 'notifications_enabled',
    permission: 'pull',
    members_url: `${api}/members{/member}`,
    repositories_url: `${api}/repos`,
    type: 'organization',
    parent: null,
  };
}

function seat(req: FakeRequest, org: string, s: CopilotSeatState): Obj {
  return {
    created_at: s.created_at,
    updated_at: s.created_at,
    pending_cancellation_date: s.pending_cancellation_date,
    ...(s.last_activity_at === undefined ? {} : { last_activity_at: s.last_activity_at }),
    last_activity_editor: s.last_activity_editor,
    last_authenticated_at: s.last_activity_at ?? null,
    plan_type: s.plan_type,
    assignee: simpleUser(req.state, req.urls, s.login),
    organization: organization(req, org),
    assigning_team: s.assigning_team ? team(req, org, s.assigning_team) : null,
  };
}

export const copilotRoutes: Route[] = [
  {
    method: 'GET',
    path: '/orgs/{org}/copilot/billing/seats',
    handler: (req) => {
      const org = req.params.org ?? '';
      const seats = req.state.copilot.get(org.toLowerCase());
      if (!seats) return notFound();
      const { page, headers } = paginate(req, `/orgs/${org}/copilot/billing/seats`, seats, 50);
      return { status: 200, body: { total_seats: seats.length, seats: page.map((s) => seat(req, org, s)) }, headers };
    },
  },
];
