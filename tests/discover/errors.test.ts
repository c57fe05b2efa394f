// Mistakes in the discovery setup: a located message and exit 2, never a stack trace.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, lac, tempRepo } from '../support/cli.ts';
import { ORG, files } from '../support/inventory.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) cleanup(dir);
  dir = undefined;
});

const withDiscovery = (sources: string) => files({ 'inventory/org.yaml': `${ORG}discovery:\n  sources:\n${sources}` });

describe('lac discover on a bad setup', () => {
  it('says how to start when org.yaml has no discovery block, and passes (the scheduled workflow runs in every repository)', async () => {
    dir = tempRepo(files());
    const r = await lac(['discover', '--publish', '--open-issues', '--root', dir]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe('nothing to discover: inventory/org.yaml has no `discovery` block; add `discovery: { sources: [{ id: okta, source: okta, config: { base_url: https://example.okta.com } }] }` to start (README: `lac discover`)\n');
    const named = await lac(['discover', '--source', 'okta', '--root', dir]);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('lac: org.yaml has no discovery: block, so lac discover has no source to read');
  });

  it('names an unknown --source with a suggestion, and a source id used twice', async () => {
    dir = tempRepo(withDiscovery('    - { id: cards, source: expenses, config: { path: x.csv, preset: ramp } }\n'));
    const r = await lac(['discover', '--source', 'card', '--root', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('lac: --source card is not a discovery source in org.yaml; did you mean "cards"?');
    cleanup(dir);
    dir = tempRepo(withDiscovery('    - { id: cards, source: expenses }\n    - { id: cards, source: okta }\n'));
    expect((await lac(['discover', '--root', dir])).stderr).toContain('discovery source id "cards" is used twice');
  });

  it('names the missing environment variable, never a value, and the bad row of an export', async () => {
    dir = tempRepo({
      ...withDiscovery('    - { id: google, source: google-workspace, config: { subject: admin@test.example } }\n    - { id: cards, source: expenses, config: { path: exports/cards.csv, preset: ramp } }\n'),
      'exports/cards.csv': 'Date,Merchant,Amount,Currency,User\n2026-10-01,Miro,12.00,EUR,ada\n2026-10-32,Miro,12.00,EUR,ada\n',
    });
    const google = await lac(['discover', '--source', 'google', '--root', dir]);
    expect(google.code).toBe(2);
    expect(google.stderr).toContain('lac: discovery source google: Google Workspace: environment variable GOOGLE_SERVICE_ACCOUNT_KEY is not set');
    const cards = await lac(['discover', '--source', 'cards', '--root', dir, '--today', '2026-11-20']);
    expect(cards.code).toBe(2);
    expect(cards.stderr).toContain('lac: discovery source cards: exports/cards.csv:3: date "2026-10-32" in column "Date" cannot be read');
    expect(cards.stderr).not.toContain('    at ');
  });
});
