import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { googleWorkspaceConnector } from '../../src/usage/google-workspace/index.ts';
import { parseUserReport } from '../../src/usage/google-workspace/reports.ts';
import { ConnectorError } from '../../src/usage/types.ts';
import { assignment, serviceAccountKey, startGoogleFake, usageReport, type GoogleScenario } from '../support/vendor-fakes/google-workspace.ts';
import type { VendorFake } from '../support/vendor-fakes/server.ts';
import { context, fastOptions, rejection, expectFitsSnapshot } from './helpers.ts';

let key: { json: string; publicKey: string };
beforeAll(() => {
  key = serviceAccountKey();
});
let fake: VendorFake | undefined;
afterEach(async () => {
  if (fake) expect(fake.unexpected).toEqual([]);
  await fake?.close();
  fake = undefined;
});

const NEVER = '1970-01-01T00:00:00.000Z';
const reports = [
  usageReport('ada@example.com', '', '2026-11-17T08:00:00.000Z', '2026-11-18T23:30:00.000Z', [{ name: 'docs:num_docs_edited', intValue: '12' }]),
  usageReport('bob@example.com', '', NEVER, NEVER, [{ name: 'docs:num_docs_edited', intValue: '0' }]),
  usageReport('cy@example.com', '', '2026-06-30T12:00:00.000Z', NEVER),
  usageReport('dee@example.com', '', undefined, undefined),
  usageReport('eve@example.com', '', '2026-09-01T00:00:00.000Z', '2026-10-11T10:00:00.000Z'),
];
const scenario = (extra: Partial<GoogleScenario> = {}): GoogleScenario => ({
  publicKey: key.publicKey,
  subject: 'admin@example.com',
  readyUntil: '2026-11-18',
  reports,
  reportPageSize: 2,
  ...extra,
});
const config = (fake: VendorFake, extra: Record<string, unknown> = {}) => ({
  subject: 'admin@example.com',
  base_url: fake.url,
  token_url: `${fake.url}/token`,
  ...extra,
});

describe('google-workspace connector', () => {
  it('steps back to the latest ready report day and maps every user over several pages', async () => {
    fake = await startGoogleFake(scenario({ notReadyNamesDate: false }));
    const result = await googleWorkspaceConnector(fastOptions()).pull(
      context(config(fake, { signals: { 'docs:num_docs_edited': 'docs_edited' } }), { GOOGLE_SERVICE_ACCOUNT_KEY: key.json }),
    );
    expect(result.accounts).toEqual([
      { account: 'ada@example.com', email: 'ada@example.com', last_active: '2026-11-18', signals: { docs_edited: 12 } },
      { account: 'bob@example.com', email: 'bob@example.com', last_active: null, signals: { docs_edited: 0 } },
      { account: 'cy@example.com', email: 'cy@example.com', last_active: '2026-06-30' },
      { account: 'dee@example.com', email: 'dee@example.com' },
      { account: 'eve@example.com', email: 'eve@example.com', last_active: '2026-10-11' },
    ]);
    expect(result.warnings).toEqual(['Google Workspace: the usage report for 2026-11-20 is not ready yet; used 2026-11-18']);
    const days = fake.requestsTo('/admin/reports').map((r) => `${r.path.split('/').pop()}:${r.query.get('pageToken') ?? ''}`);
    expect(days).toEqual(['2026-11-20:', '2026-11-19:', '2026-11-18:', '2026-11-18:page2', '2026-11-18:page4']);
    expect(fake.requestsTo('/admin/reports')[0]?.query.get('parameters')).toBe('accounts:timestamp_last_login,accounts:last_login_time,gmail:timestamp_last_interaction,gmail:last_interaction_time,docs:num_docs_edited');
  });

  // Google's Admin SDK Reports API reference, "Accounts parameters" (usage-ref-appendix-a/users-accounts):
  // timestamps are RFC 3339; the documented name is read as well as the older `accounts:last_login_time`.
  it('reads the documented accounts:timestamp_last_login and converts instants to the org time zone date', () => {
    const report = {
      entity: { type: 'USER', userEmail: 'fay@example.com' },
      parameters: [{ name: 'accounts:timestamp_last_login', datetimeValue: '2026-11-14T20:00:00-06:00' }, { name: 'gmail:timestamp_last_interaction', datetimeValue: '2026-11-10T08:00:00Z' }],
    };
    expect(parseUserReport(report, new Map())?.activity.lastActive).toBe('2026-11-15');
    expect(parseUserReport(report, new Map(), 'Europe/Berlin')?.activity.lastActive).toBe('2026-11-15');
    expect(parseUserReport(report, new Map(), 'America/Chicago')?.activity.lastActive).toBe('2026-11-14');
    const older = { entity: { userEmail: 'gus@example.com' }, parameters: [{ name: 'accounts:last_login_time', datetimeValue: '2026-11-02T10:00:00.000Z' }] };
    expect(parseUserReport(older, new Map())?.activity.lastActive).toBe('2026-11-02');
  });

  it('jumps straight to the date Google names as the last one available', async () => {
    fake = await startGoogleFake(scenario({ readyUntil: '2026-11-16' }));
    const result = await googleWorkspaceConnector(fastOptions()).pull(context(config(fake), { GOOGLE_SERVICE_ACCOUNT_KEY: key.json }));
    expect(result.accounts).toHaveLength(5);
    expect(fake.requestsTo('/admin/reports').map((r) => r.path.split('/').pop())).toEqual(['2026-11-20', '2026-11-16', '2026-11-16', '2026-11-16']);
  });

  it('gives up after max_lookback_days with a clear error', async () => {
    fake = await startGoogleFake(scenario({ readyUntil: '2026-11-01', notReadyNamesDate: false }));
    const error = await rejection(
      googleWorkspaceConnector(fastOptions()).pull(context(config(fake, { max_lookback_days: 2 }), { GOOGLE_SERVICE_ACCOUNT_KEY: key.json })),
    );
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.message).toBe('Google Workspace: no usage report is ready for any day from 2026-11-18 to 2026-11-20');
    expect(fake.requestsTo('/admin/reports')).toHaveLength(3);
  });

  it('uses License Manager assignments as the accounts, with tiers from SKU ids', async () => {
    fake = await startGoogleFake(
      scenario({
        assignments: [
          assignment('ada@example.com', '1010020020', 'Google Workspace Enterprise Plus'),
          assignment('Bob@example.com', '1010020020', 'Google Workspace Enterprise Plus'),
          assignment('zoe@example.com', '1010020028', 'Google Workspace Business Starter'),
          assignment('cy@example.com', '1010020028', 'Google Workspace Business Starter'),
        ],
        assignmentPageSize: 3,
        reportWarnings: [{ code: 'PARTIAL_DATA_AVAILABLE', message: 'Data for date 2026-11-18 for application "gmail" is not available right now, please try again after a few hours.', data: [{ key: 'application', value: 'gmail' }] }],
      }),
    );
    const result = await googleWorkspaceConnector(fastOptions()).pull(
      context(config(fake, { product_id: 'Google-Apps', tiers: { '1010020020': 'enterprise', 'Google Workspace Business Starter': 'starter' } }), {
        GOOGLE_SERVICE_ACCOUNT_KEY: key.json,
      }),
    );
    expect(result.accounts).toEqual([
      { account: 'ada@example.com', email: 'ada@example.com', tier: 'enterprise', last_active: '2026-11-18' },
      { account: 'bob@example.com', email: 'Bob@example.com', tier: 'enterprise', last_active: null },
      { account: 'cy@example.com', email: 'cy@example.com', tier: 'starter', last_active: '2026-06-30' },
      { account: 'zoe@example.com', email: 'zoe@example.com', tier: 'starter' },
    ]);
    expect(result.warnings).toEqual([
      'Google Workspace: the usage report for 2026-11-20 is not ready yet; used 2026-11-18',
      'Google Workspace: Data for date 2026-11-18 for application "gmail" is not available right now, please try again after a few hours.',
      'Google Workspace: 1 licensed user is missing from the usage report of 2026-11-18; last_active left unknown',
    ]);
    expectFitsSnapshot(result, 'google-workspace');
    const listed = fake.requestsTo('/apps/licensing');
    expect(listed.map((r) => [r.path, r.query.get('customerId'), r.query.get('pageToken')])).toEqual([
      ['/apps/licensing/v1/product/Google-Apps/users', 'example.com', null],
      ['/apps/licensing/v1/product/Google-Apps/users', 'example.com', 'page3'],
    ]);
  });

  it('names tiers by SKU name when no tiers mapping is given, for one SKU', async () => {
    fake = await startGoogleFake(
      scenario({
        assignments: [assignment('ada@example.com', '1010020020', 'Google Workspace Enterprise Plus'), assignment('cy@example.com', '1010020028', 'Google Workspace Business Starter')],
      }),
    );
    const result = await googleWorkspaceConnector(fastOptions()).pull(
      context(config(fake, { product_id: 'Google-Apps', sku_id: '1010020028', customer_id: 'C03az79cb' }), { GOOGLE_SERVICE_ACCOUNT_KEY: key.json }),
    );
    expect(result.accounts).toEqual([{ account: 'cy@example.com', email: 'cy@example.com', tier: 'Google Workspace Business Starter', last_active: '2026-06-30' }]);
    expect(fake.requestsTo('/apps/licensing').map((r) => [r.path, r.query.get('customerId')])).toEqual([
      ['/apps/licensing/v1/product/Google-Apps/sku/1010020028/users', 'C03az79cb'],
    ]);
  });

  it('explains a refused delegation without printing the key', async () => {
    fake = await startGoogleFake(scenario());
    const error = await rejection(
      googleWorkspaceConnector(fastOptions()).pull(context(config(fake, { subject: 'not-admin@example.com' }), { GOOGLE_SERVICE_ACCOUNT_KEY: key.json })),
    );
    expect(error.message).toBe(
      `Google Workspace: ${fake.url}/token answered 401: unauthorized_client (Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.)`,
    );
    expect(error.hint).toMatch(/Domain-wide delegation/);
    expect(error.message).not.toContain('PRIVATE KEY');
  });

  it('backs off after a 429 without Retry-After and carries on', async () => {
    fake = await startGoogleFake(scenario({ readyUntil: '2026-11-20', rateLimitReportPage: 2 }));
    const options = fastOptions();
    const result = await googleWorkspaceConnector(options).pull(context(config(fake), { GOOGLE_SERVICE_ACCOUNT_KEY: key.json }));
    expect(options.waits).toEqual([1_000]);
    expect(result.accounts).toHaveLength(5);
    expect(result.warnings).toEqual([]);
    expect(fake.requestsTo('/admin/reports').map((r) => r.query.get('pageToken'))).toEqual([null, 'page2', 'page2', 'page4']);
  });

  it('fails with a ConnectorError on a malformed report page', async () => {
    fake = await startGoogleFake(scenario({ malformedReportPage: 2 }));
    const error = await rejection(googleWorkspaceConnector(fastOptions()).pull(context(config(fake), { GOOGLE_SERVICE_ACCOUNT_KEY: key.json })));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.message).toBe('Google Workspace: usageReports on page 2 for 2026-11-18 is not a list');
  });

  it('rejects a key that is not JSON without echoing it', async () => {
    const error = await rejection(googleWorkspaceConnector().pull(context({ subject: 'admin@example.com' }, { GOOGLE_SERVICE_ACCOUNT_KEY: '/path/to/secret-key.json' })));
    expect(error.message).toBe('Google Workspace: GOOGLE_SERVICE_ACCOUNT_KEY is not JSON');
    expect(`${error.message}${error.hint ?? ''}`).not.toContain('secret-key');
  });
});
