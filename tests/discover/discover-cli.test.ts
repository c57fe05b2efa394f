// `lac discover` end to end in a license repository: a Google token-events fake and a Ramp
// export, the snapshot bytes, the rule in `lac check`, issues on the fake GitHub, the report.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useGitHubFake } from '../support/github-fake/hooks.ts';
import { cleanup, lac, tempRepo } from '../support/cli.ts';
import { CONTRACT, ORG, files } from '../support/inventory.ts';
import { serviceAccountKey } from '../support/vendor-fakes/google-workspace.ts';
import type { VendorFake } from '../support/vendor-fakes/server.ts';
import { startGoogleTokenFake, tokenEvent } from './fakes.ts';

const gh = useGitHubFake({ repos: ['acme/licenses'] });
const key = serviceAccountKey();
let google: VendorFake;
let dir: string;
const TODAY = '2026-11-20';

const events = [
  tokenEvent('ada@test.example', '2026-10-01T08:00:00.000Z', 'Calendly', '1111.apps.googleusercontent.com'),
  tokenEvent('bob@test.example', '2026-10-05T08:00:00.000Z', 'Calendly', '1111.apps.googleusercontent.com'),
  tokenEvent('ada@test.example', '2026-10-07T08:00:00.000Z', 'Figma', '4444.apps.googleusercontent.com'),
  tokenEvent('bob@test.example', '2026-10-08T08:00:00.000Z', 'Figma', '4444.apps.googleusercontent.com'),
  tokenEvent('private.person@gmail.com', '2026-10-09T08:00:00.000Z', 'Secret Dating Helper', '2222.apps.googleusercontent.com'),
  tokenEvent('private.person@gmail.com', '2026-10-10T08:00:00.000Z', 'Secret Dating Helper', '2222.apps.googleusercontent.com'),
];

// Ramp's card export: Figma bought on a card beside its contract, Calendly and Loom expensed.
const RAMP = `Date,Merchant,Amount,Currency,User
2026-09-03,FIGMA INC,"$100.00",USD,ada@test.example
2026-09-12,LOOM.COM,15.00,EUR,bob@test.example
2026-10-12,LOOM.COM,15.00,EUR,bob@test.example
2026-11-12,LOOM.COM,15.00,EUR,bob@test.example
2026-11-13,UBER TRIP,31.40,EUR,ada@test.example
`;

const org = (ignore = '') => `${ORG}discovery:
  sources:
    - { id: google, source: google-workspace, config: { subject: admin@test.example, base_url: "${google.url}", token_url: "${google.url}/token" } }
    - { id: cards, source: expenses, config: { path: exports/ramp.csv, preset: ramp } }
  work_domains: [test.example]
  min_users: 2
  ignore:
    - { app: uber-trip, reason: "travel, not software" }
${ignore}github:
  labels: [licenses]
`;

beforeAll(async () => {
  google = await startGoogleTokenFake(key.publicKey, events, 4);
  dir = tempRepo({
    ...files({
      'inventory/org.yaml': org(),
      'inventory/vendors/figma.yaml': 'id: figma\nname: Figma, Inc.\ndomains: [figma.com]\naliases: [FIGMA INC]\n',
      'inventory/contracts/figma-2026.yaml': CONTRACT,
    }),
    'exports/ramp.csv': RAMP,
  });
});
afterAll(async () => {
  await google.close();
  cleanup(dir);
});

const env = () => ({ GOOGLE_SERVICE_ACCOUNT_KEY: key.json, ...gh.fake.env() });
const read = (p: string) => readFileSync(join(dir, p), 'utf8');
const repo = () => gh.fake.state.repo('acme', 'licenses')!;
const PRIVATE = /gmail|private\.person|Secret Dating/i;

const GOOGLE_SNAPSHOT = `# yaml-language-server: $schema=../../schemas/discovered.schema.json
# Written by \`lac discover\`; declare an app in vendors/ or licenses/, or ignore it in org.yaml.
source: google
kind: google-workspace
as_of: 2026-11-20
outside_work_domains: 2
apps:
  - { app: calendly, name: Calendly, users: 2, first_seen: 2026-10-01, last_seen: 2026-10-05 }
  - { app: figma, name: Figma, users: 2, first_seen: 2026-10-07, last_seen: 2026-10-08 }
`;

const CARDS_SNAPSHOT = `# yaml-language-server: $schema=../../schemas/discovered.schema.json
# Written by \`lac discover\`; declare an app in vendors/ or licenses/, or ignore it in org.yaml.
source: cards
kind: expenses
as_of: 2026-11-20
currency: EUR
apps:
  - { app: figma-inc, name: FIGMA INC, users: 1, first_seen: 2026-09-03, last_seen: 2026-09-03, spend_90d: "90.00" }
  - { app: loom-com, name: LOOM.COM, users: 1, first_seen: 2026-09-12, last_seen: 2026-11-12, spend_90d: "45.00", recurring: true }
  - { app: uber-trip, name: UBER TRIP, users: 1, first_seen: 2026-11-13, last_seen: 2026-11-13, spend_90d: "31.40" }
`;

describe('lac discover', () => {
  it('--dry-run reads the sources and writes nothing', async () => {
    const r = await lac(['discover', '--dry-run', '--today', TODAY, '--root', dir], { env: env() });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe([
      'inventory/discovered/google.yaml: would write (2 apps; 2 grants by accounts outside the work domains (counted, not listed))',
      'inventory/discovered/cards.yaml: would write (3 apps)',
      '2 undeclared apps (see `lac check`, rule undeclared-app)',
      '',
    ].join('\n'));
    expect(() => read('inventory/discovered/google.yaml')).toThrow();
  });

  it('writes one snapshot per source, exact bytes; personal accounts counted, never named', async () => {
    const r = await lac(['discover', '--today', TODAY, '--root', dir], { env: env() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('inventory/discovered/google.yaml: wrote (2 apps;');
    expect(read('inventory/discovered/google.yaml')).toBe(GOOGLE_SNAPSHOT);
    expect(read('inventory/discovered/cards.yaml')).toBe(CARDS_SNAPSHOT);
    expect(r.stdout).not.toMatch(PRIVATE);
  });

  it('gives the same bytes for the same data, and keeps the first day seen across runs', async () => {
    const r = await lac(['discover', '--today', TODAY, '--root', dir], { env: env() });
    expect(r.stdout).toContain('inventory/discovered/google.yaml: unchanged');
    expect(r.stdout).toContain('inventory/discovered/cards.yaml: unchanged');
    const earlier = CARDS_SNAPSHOT.replace('first_seen: 2026-09-12', 'first_seen: 2026-03-01');
    writeFileSync(join(dir, 'inventory/discovered/cards.yaml'), earlier);
    await lac(['discover', '--source', 'cards', '--today', TODAY, '--root', dir], { env: env() });
    expect(read('inventory/discovered/cards.yaml')).toBe(earlier);
  });

  it('lac check reports each undeclared app at its snapshot line; declared (by domain, alias, name) and ignored apps are quiet', async () => {
    const r = await lac(['check', '--today', TODAY, '--root', dir]);
    const lines = r.stdout.split('\n').filter((l) => l.includes('undeclared-app'));
    expect(lines).toEqual([
      'inventory/discovered/cards.yaml:9:5  warning  undeclared-app  app "LOOM.COM" (cards) is in use by 1 user, 45.00 EUR in 90 days (recurring) and no vendor or license declares it',
      'inventory/discovered/google.yaml:8:5  warning  undeclared-app  app "Calendly" (google) is in use by 2 users and no vendor or license declares it',
    ]);
  });

  it('--open-issues opens one issue per undeclared app, then writes nothing on a second run', async () => {
    const r = await lac(['discover', '--open-issues', '--today', TODAY, '--root', dir], { env: env() });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('issue #1 discover/cards/loom-com: created');
    expect(r.stdout).toContain('issue #2 discover/google/calendly: created');
    const issues = repo().issues;
    expect(issues.map((i) => [i.title, i.state, [...i.labels].sort()])).toEqual([
      ['Undeclared app: LOOM.COM (cards)', 'open', ['lac', 'licenses', 'undeclared-app']],
      ['Undeclared app: Calendly (google)', 'open', ['lac', 'licenses', 'undeclared-app']],
    ]);
    const loom = issues[0]!.body!;
    expect(loom).toContain('| Spend, last 90 days | 45.00 EUR (recurring) |');
    expect(loom).toContain('| Users | 1 |');
    expect(loom).toContain('- [ ] **Adopt** it into the inventory');
    expect(loom).toContain('- [ ] **Consolidate** it into an existing license');
    expect(loom).toContain('- [ ] **Block** it');
    for (const i of issues) expect(i.body).not.toMatch(PRIVATE);
    gh.fake.clearRequests();
    await lac(['discover', '--open-issues', '--today', TODAY, '--root', dir], { env: env() });
    expect(gh.fake.writes().map((w) => `${w.method} ${w.url}`)).toEqual([]);
    expect(repo().issues).toHaveLength(2);
    const dry = await lac(['discover', '--open-issues', '--dry-run', '--today', TODAY, '--root', dir], { env: env() });
    expect(dry.stdout).toContain('would ensure issue discover/cards/loom-com: Undeclared app: LOOM.COM (cards)\n');
    expect(gh.fake.writes()).toEqual([]);
  });

  it('closes the issue of an app once a vendor declares it or org.yaml ignores it', async () => {
    writeFileSync(join(dir, 'inventory/vendors/loom.yaml'), 'id: loom\nname: Loom, Inc.\ndomains: [loom.com]\naliases: [LOOM.COM]\n');
    writeFileSync(join(dir, 'inventory/org.yaml'), org('    - { app: calendly, reason: "free plan, approved by security" }\n'));
    const r = await lac(['discover', '--open-issues', '--today', TODAY, '--root', dir], { env: env() });
    expect(r.stdout).toContain('issue #1 discover/cards/loom-com: closed');
    expect(r.stdout).toContain('issue #2 discover/google/calendly: closed');
    expect(repo().issues.map((i) => [i.state, i.state_reason])).toEqual([['closed', 'completed'], ['closed', 'not_planned']]);
    const comments = repo().comments.map((c) => c.body);
    expect(comments[0]).toContain('declared: it matches vendor `loom` (by alias).');
    expect(comments[1]).toContain('ignored in org.yaml: free plan, approved by security');
  });

  it('lac report shows spend outside contracts beside contracted spend, exact, and names no personal account', async () => {
    writeFileSync(join(dir, 'inventory/org.yaml'), org());
    const r = await lac(['report', '--today', TODAY, '--root', dir]);
    expect(r.code).toBe(0);
    // Figma's contract: 2 full seats at 540.00 USD a year (0.90 EUR), accrued 2026-08-23..2026-11-20 (90 of 365 days).
    expect(r.stdout).toContain('Software outside the inventory, 2026-08-23 to 2026-11-20\nContracted spend: 239.67 EUR; spend outside contracts (expensed software): 166.40 EUR, of which 135.00 EUR to declared vendors and 0.00 EUR to undeclared apps\n');
    expect(r.stdout).toContain('google  Calendly');
    expect(r.stdout).not.toMatch(PRIVATE);
    const json = JSON.parse((await lac(['report', '--format', 'json', '--today', TODAY, '--root', dir])).stdout) as { discovery: { spend: Record<string, string> } };
    expect(json.discovery.spend).toMatchObject({ contracted: '239.67', expensed: '166.40', declaredVendors: '135.00', undeclared: '0.00' });
  });
});
