import { describe, expect, it } from 'vitest';
import { ORG, VENDOR, files, ruleFindings } from '../support/inventory.ts';

const OKTA = `source: okta
kind: okta
as_of: 2026-03-10
apps:
  - { app: figma, name: Figma, domain: www.figma.com, users: 8, first_seen: 2026-01-02, last_seen: 2026-03-10 }
  - { app: lucid, name: Lucidchart, users: 2, first_seen: 2026-01-02, last_seen: 2026-03-10 }
  - { app: miro, name: Miro, domain: miro.com, users: 5, first_seen: 2026-01-02, last_seen: 2026-03-10 }
  - { app: notion, name: Notion Labs, users: 12, first_seen: 2026-01-02, last_seen: 2026-03-10 }
  - { app: slido, name: Slido, users: 1, all_users: true, first_seen: 2026-01-02, last_seen: 2026-03-10 }
`;
const CARDS = `source: cards
kind: expenses
as_of: 2026-03-10
currency: EUR
apps:
  - { app: calendly, name: CALENDLY, users: 1, first_seen: 2026-01-02, last_seen: 2026-03-02, spend_90d: "24.00", recurring: true }
  - { app: sq-figma, name: SQ FIGMA INC, users: 1, first_seen: 2026-01-02, last_seen: 2026-03-02, spend_90d: "45.00", recurring: true }
  - { app: uber, name: UBER TRIP, users: 1, first_seen: 2026-02-02, last_seen: 2026-02-02, spend_90d: "31.50" }
`;
const DISCOVERY = `discovery:
  sources:
    - { id: okta, source: okta }
    - { id: cards, source: expenses }
  min_users: 5
  ignore:
    - { app: notion, reason: "team plan paid by the design agency" }
`;

describe('undeclared-app', () => {
  it('points at each app line with enough users, consent for all, or recurring spend that nothing declares; respects the ignore list', async () => {
    const fileMap = files({
      'inventory/org.yaml': `${ORG}${DISCOVERY}`,
      'inventory/vendors/figma.yaml': `${VENDOR}domains: [figma.com]\naliases: [FIGMA INC]\n`,
      'inventory/discovered/okta.yaml': OKTA,
      'inventory/discovered/cards.yaml': CARDS,
    });
    expect(await ruleFindings('undeclared-app', fileMap)).toEqual([
      'inventory/discovered/cards.yaml:6:5 warning app "CALENDLY" (cards) is in use by 1 user, 24.00 EUR in 90 days (recurring) and no vendor or license declares it',
      'inventory/discovered/okta.yaml:7:5 warning app "Miro" (okta) is in use by 5 users and no vendor or license declares it',
      'inventory/discovered/okta.yaml:9:5 warning app "Slido" (okta) is in use by everyone (an admin consented for all users) and no vendor or license declares it',
    ]);
  });

  it('is quiet once a vendor declares the app by domain or alias, or org.yaml ignores it', async () => {
    const fileMap = files({
      'inventory/org.yaml': `${ORG}${DISCOVERY}    - { app: Slido, reason: "free polls" }\n    - { app: calendly, reason: "personal plan, reimbursed" }\n`,
      'inventory/vendors/miro.yaml': 'id: miro-vendor\nname: RealtimeBoard Inc.\ndomains: [miro.com]\n'.replace('id: miro-vendor', 'id: miro'),
      'inventory/discovered/okta.yaml': OKTA,
      'inventory/discovered/cards.yaml': CARDS,
    });
    expect(await ruleFindings('undeclared-app', fileMap)).toEqual([]);
  });

  it('uses the default threshold of 3 users without discovery settings', async () => {
    const fileMap = files({ 'inventory/discovered/okta.yaml': OKTA.replace('users: 2,', 'users: 3,') });
    const found = await ruleFindings('undeclared-app', fileMap);
    expect(found.map((f) => f.split(' warning ')[0])).toEqual([
      'inventory/discovered/okta.yaml:6:5',
      'inventory/discovered/okta.yaml:7:5',
      'inventory/discovered/okta.yaml:8:5',
      'inventory/discovered/okta.yaml:9:5',
    ]);
  });
});
