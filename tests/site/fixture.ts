// A small license repository with half a year of history, for the site's tests: two licenses, a
// leaver still holding a seat (a finding), a renewal that costs less, a usage snapshot, pull
// requests merged both ways, and a tier name a spreadsheet would run as a formula.
import { ADA, tempRepo, type Author, type TestRepo } from '../support/git.ts';

export const BOB: Author = { name: 'Bob Byte', email: 'bob@test.example' };
export const TODAY = '2026-07-15';

const ORG = `name: Test Co
currency: EUR
timezone: Europe/Berlin
fiscal_year_start: "04-01"
exchange_rates: { USD: "0.90" }
departments:
  - { id: eng, name: Engineering, cost_centre: CC-100 }
  - { id: sales, name: Sales, cost_centre: CC-200 }
`;

const PEOPLE = `people:
  - { id: ada, name: Ada Lovelace, email: ada@test.example, department: eng, status: active, start: 2020-01-01 }
  - { id: bob, name: Bob Byte, email: bob@test.example, department: sales, status: active, start: 2021-06-01 }
  - { id: cy, name: Cy Leaver, email: cy@test.example, department: eng, status: active, start: 2019-01-01 }
`;
const PEOPLE_CY_LEFT = PEOPLE.replace('status: active, start: 2019-01-01 }', 'status: leaver, start: 2019-01-01, end: 2026-04-30 }');

const FIGMA = `id: figma
name: Figma Organization
vendor: figma
type: subscription
owner: ada
tiers:
  - { id: full, name: Full seat }
  - { id: plus, name: "+Plus seat" }
`;

const SLACK = `id: slack
name: Slack Business+
vendor: slack
type: named-user
owner: bob
tiers:
  - { id: standard, name: Standard }
`;

const FIGMA_2026 = `id: figma-2026
vendor: figma
title: Figma 2026
owner: ada
currency: USD
start: 2026-01-01
end: 2026-12-31
auto_renew: true
notice: { days: 30 }
renewal: { decision: undecided }
lines:
  - { license: figma, tier: full, quantity: 4, unit_price: "540.00" }
  - { license: figma, tier: plus, quantity: 2, unit_price: "100.00" }
`;

const SLACK_2025 = `id: slack-2025
vendor: slack
currency: EUR
start: 2025-06-01
end: 2026-05-31
lines:
  - { license: slack, tier: standard, quantity: 10, unit_price: "90.00" }
`;

const SLACK_2026 = `id: slack-2026
vendor: slack
currency: EUR
start: 2026-06-01
end: 2027-05-31
auto_renew: true
notice: { months: 2 }
previous: slack-2025
lines:
  - { license: slack, tier: standard, quantity: 6, unit_price: "90.00" }
`;

const FIGMA_SEATS = `license: figma
seats:
  - { person: ada, tier: full, since: 2026-01-05 }
  - { person: cy, tier: full, since: 2026-01-05 }
`;
const FIGMA_SEATS_BOB = `${FIGMA_SEATS}  - { person: bob, tier: plus, since: 2026-02-10 }\n`;

const SLACK_SEATS = `license: slack
seats:
  - { person: ada, tier: standard, since: 2025-06-01 }
  - { person: bob, tier: standard, since: 2025-06-01 }
  - { person: cy, tier: standard, since: 2025-06-01 }
`;

const USAGE = `license: figma
source: csv
taken: 2026-07-01T06:00:00Z
accounts:
  - { account: ada@test.example, person: ada, tier: full, status: active, last_active: 2026-06-30 }
  - { account: bob@test.example, person: bob, tier: plus, status: active, last_active: 2026-03-01 }
  - { account: cy@test.example, person: cy, tier: full, status: active, last_active: 2026-04-29 }
`;

export interface SiteFixture {
  repo: TestRepo;
  cleanup(): void;
}

/** Builds the repository commit by commit (January to July 2026). */
export function buildSiteFixture(): SiteFixture {
  const repo = tempRepo();
  repo.commit({
    'inventory/org.yaml': ORG, 'inventory/people.yaml': PEOPLE,
    'inventory/vendors/figma.yaml': 'id: figma\nname: Figma, Inc.\nwebsite: https://www.figma.com\n',
    'inventory/vendors/slack.yaml': 'id: slack\nname: Slack Technologies\n',
    'inventory/licenses/figma.yaml': FIGMA, 'inventory/licenses/slack.yaml': SLACK,
    'inventory/contracts/figma-2026.yaml': FIGMA_2026, 'inventory/contracts/slack-2025.yaml': SLACK_2025,
    'inventory/assignments/figma.yaml': FIGMA_SEATS, 'inventory/assignments/slack.yaml': SLACK_SEATS,
  }, { message: 'Initial inventory', date: '2026-01-05T09:00:00Z' });
  repo.mergePullRequest(2, 'bob-figma', { 'inventory/assignments/figma.yaml': FIGMA_SEATS_BOB }, { message: 'Give Bob a Figma plus seat', date: '2026-02-10T10:00:00Z', author: BOB, mergedBy: ADA });
  repo.squashPullRequest(3, { 'inventory/people.yaml': PEOPLE_CY_LEFT }, { message: 'Cy left', date: '2026-05-02T08:00:00Z' });
  repo.squashPullRequest(4, { 'inventory/contracts/slack-2026.yaml': SLACK_2026 }, { message: 'Renew Slack with 6 seats', date: '2026-05-20T12:00:00Z', author: BOB });
  repo.commit({ 'README.md': '# Licenses\n' }, { message: 'Add a README', date: '2026-06-10T09:00:00Z' });
  repo.commit({ 'inventory/usage/figma.yaml': USAGE }, { message: 'Usage snapshot: figma', date: '2026-07-01T06:05:00Z' });
  repo.mergePullRequest(6, 'lac/reclaim/figma', { 'inventory/assignments/figma.yaml': FIGMA_SEATS_BOB.replace('  - { person: cy, tier: full, since: 2026-01-05 }\n', '') }, { message: 'Reclaim a Figma seat from a leaver\n\nLac-Reclaim: figma', date: '2026-07-03T09:00:00Z', author: BOB, mergedBy: ADA });
  return { repo, cleanup: () => repo.cleanup() };
}
