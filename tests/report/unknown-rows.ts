// The issue 11 reproduction (tests/support/inventory.ts with `exchange_rates: {}`: the Figma
// contract is in USD and cannot be converted), plus a Slack contract in EUR held by Ada
// (Engineering) and Dee (Operations), so that rows are partly unknown, wholly unknown or known.
import { files, ORG, PEOPLE } from '../support/inventory.ts';

const SLACK = {
  'inventory/vendors/slack.yaml': 'id: slack\nname: Slack\n',
  'inventory/licenses/slack.yaml': 'id: slack\nname: Slack\nvendor: slack\ntype: subscription\ntiers:\n  - { id: standard, name: Pro }\n',
  'inventory/contracts/slack-2026.yaml': 'id: slack-2026\nvendor: slack\ncurrency: EUR\nstart: 2026-01-01\nend: 2026-12-31\nlines:\n  - { license: slack, tier: standard, quantity: 2, unit_price: "365.00" }\n',
  'inventory/assignments/slack.yaml': 'license: slack\nseats:\n  - { person: ada, tier: standard, since: 2026-01-01 }\n  - { person: dee, tier: standard, since: 2026-01-01 }\n',
};

/** Engineering: Figma (unknown) and Slack (known); Sales: Figma only (unknown); Operations: Slack only (known). */
export const unknownRowFiles = () => files({
  'inventory/org.yaml': `${ORG.replace('exchange_rates: { USD: "0.90" }', 'exchange_rates: {}')}  - { id: ops, name: Operations, cost_centre: CC-300 }\n`,
  'inventory/people.yaml': `${PEOPLE}  - { id: dee, name: Dee Ops, email: dee@test.example, department: ops, status: active, start: 2022-01-01 }\n`,
  ...SLACK,
});

/** Why the Figma amounts are unknown, as every row names it. */
export const NO_RATE = 'no exchange rate for USD in org.yaml (exchange_rates)';
