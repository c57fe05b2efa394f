import { afterEach, describe, expect, it } from 'vitest';
import { microsoft365Connector } from '../../src/usage/microsoft-365/index.ts';
import { ConnectorError } from '../../src/usage/types.ts';
import {
  ACTIVE_USER_COLUMNS, APP_USER_COLUMNS, M365_ENV, concealedName, reportCsv, startM365Fake, type M365Scenario,
} from '../support/vendor-fakes/microsoft-365.ts';
import type { VendorFake } from '../support/vendor-fakes/server.ts';
import { context, fastOptions, rejection, expectFitsSnapshot } from './helpers.ts';

let fake: VendorFake | undefined;
afterEach(async () => {
  if (fake) expect(fake.unexpected).toEqual([]);
  await fake?.close();
  fake = undefined;
});

const E3 = '05e9a617-0261-4cee-bb44-138d3ef5d965';
const E5 = '06ebc4ee-1bb5-47dd-8120-11324bc54e06';
const FLOW_FREE = 'f30db892-07e9-47e9-837c-80727f46fd3d';
const sku = (skuId: string, skuPartNumber: string, enabled: number, consumedUnits: number) => ({
  capabilityStatus: 'Enabled', consumedUnits, id: `tenant_${skuId}`, skuId, skuPartNumber, appliesTo: 'User',
  prepaidUnits: { enabled, suspended: 0, warning: 0, lockedOut: 0 }, servicePlans: [],
});
const user = (upn: string, displayName: string, skuIds: string[], lastSignIn: string | null | undefined, accountEnabled = true) => ({
  // Graph sends mail: null for users without a mailbox.
  id: `id-${upn}`, userPrincipalName: upn, displayName, mail: upn.startsWith('cy@') ? null : upn, accountEnabled,
  assignedLicenses: skuIds.map((skuId) => ({ disabledPlans: [], skuId })),
  ...(lastSignIn === undefined ? {} : { signInActivity: { lastSignInDateTime: lastSignIn, lastSignInRequestId: 'req', lastNonInteractiveSignInDateTime: null, lastNonInteractiveSignInRequestId: null } }),
});
const activeRow = (upn: string, name: string, exchange: string, teams: string) => ({
  'Report Refresh Date': '2026-11-18', 'User Principal Name': upn, 'Display Name': name, 'Is Deleted': 'False',
  'Has Exchange License': 'True', 'Has Teams License': 'True', 'Exchange Last Activity Date': exchange, 'Teams Last Activity Date': teams,
  'Assigned Products': 'MICROSOFT 365 E3+MICROSOFT TEAMS',
});
const appRow = (upn: string, last: string, windows: string, web: string) => ({
  'Report Refresh Date': '2026-11-18', 'User Principal Name': upn, 'Last Activation Date': '2025-02-01', 'Last Activity Date': last,
  'Report Period': '30', Windows: windows, Mac: 'No', Mobile: 'No', Web: web,
});

const users = [
  user('ada@contoso.com', 'Ada Lovelace', [E3], '2026-11-10T08:00:00Z'),
  user('bob@contoso.com', 'Stone, Bob', [E5, E3], null),
  user('cy@contoso.com', 'Cy Young', [E3], '2026-01-02T09:00:00Z', false),
  user('dee@contoso.com', 'Dee Park', [FLOW_FREE], '2026-11-19T09:00:00Z'),
  user('eve@contoso.com', 'Eve Moss', [], '2026-11-19T09:00:00Z'),
];
const scenario = (extra: Partial<M365Scenario> = {}): M365Scenario => ({
  skus: [sku(E3, 'SPE_E3', 10, 3), sku(E5, 'SPE_E5', 2, 3), sku(FLOW_FREE, 'FLOW_FREE', 10000, 1)],
  users,
  pageSize: 2,
  activeUserCsv: reportCsv(ACTIVE_USER_COLUMNS, [
    activeRow('ada@contoso.com', 'Ada Lovelace', '2026-11-17', '2026-11-12'),
    activeRow('bob@contoso.com', 'Stone, Bob', '', ''),
    activeRow('cy@contoso.com', 'Cy "CJ" Young', '2025-12-30', ''),
  ]),
  appUserCsv: reportCsv(APP_USER_COLUMNS, [
    { ...appRow('ada@contoso.com', '2026-11-18', 'Yes', 'Yes'), 'Report Refresh Date': '2026-11-02' },
    { ...appRow('bob@contoso.com', '', 'No', 'No'), 'Report Refresh Date': '2026-11-02' },
  ]),
  ...extra,
});
const config = (fake: VendorFake, extra: Record<string, unknown> = {}) => ({
  base_url: fake.url,
  token_url: `${fake.url}/${M365_ENV.M365_TENANT_ID}/oauth2/v2.0/token`,
  tiers: { SPE_E5: 'e5', [E3]: 'e3' },
  ...extra,
});

describe('microsoft-365 connector', () => {
  it('joins users, both report CSVs (BOM, CRLF, quoted names) and SKUs into accounts and entitlements', async () => {
    fake = await startM365Fake(scenario());
    const result = await microsoft365Connector(fastOptions()).pull(context(config(fake), M365_ENV));
    expect(result.accounts).toEqual([
      { account: 'ada@contoso.com', email: 'ada@contoso.com', login: 'ada@contoso.com', name: 'Ada Lovelace', tier: 'e3', status: 'active', last_active: '2026-11-18', signals: { desktop_apps: 1, mobile_apps: 0, web_apps: 1 } },
      { account: 'bob@contoso.com', email: 'bob@contoso.com', login: 'bob@contoso.com', name: 'Stone, Bob', tier: 'e5', status: 'active', last_active: null, signals: { desktop_apps: 0, mobile_apps: 0, web_apps: 0 } },
      { account: 'cy@contoso.com', login: 'cy@contoso.com', name: 'Cy Young', tier: 'e3', status: 'suspended', last_active: '2026-01-02' },
    ]);
    expect(result.vendor_entitled).toEqual({ e3: 10, e5: 2 });
    // The refresh date is the first column, right after the byte-order mark.
    expect(result.warnings).toEqual([
      'Microsoft 365: getM365AppUserDetail was last refreshed on 2026-11-02',
      'Microsoft 365: SPE_E5 has 3 units assigned but only 2 enabled',
    ]);
    expectFitsSnapshot(result, 'microsoft-365');
    expect(fake.requestsTo('/download/')).toHaveLength(2);
    expect(fake.requestsTo('/download/').every((r) => r.headers.authorization === undefined)).toBe(true);
    expect(fake.requestsTo('/v1.0/users').map((r) => r.query.get('$skiptoken'))).toEqual([null, '2', '4']);
    expect(fake.requestsTo('/v1.0/reports/').map((r) => r.path)).toEqual([
      "/v1.0/reports/getOffice365ActiveUserDetail(period='D30')",
      "/v1.0/reports/getM365AppUserDetail(period='D30')",
    ]);
  });

  it('warns and ignores a report whose user names are concealed', async () => {
    fake = await startM365Fake(
      scenario({
        activeUserCsv: reportCsv(ACTIVE_USER_COLUMNS, [activeRow(concealedName('ada@contoso.com'), concealedName('Ada'), '2026-11-17', '')]),
      }),
    );
    const result = await microsoft365Connector(fastOptions()).pull(context(config(fake), M365_ENV));
    expect(result.warnings[0]).toMatch(/^Microsoft 365: getOffice365ActiveUserDetail conceals user names \(hashed\)/);
    expect(result.warnings[0]).toMatch(/Display concealed user, group, and site names/);
    const ada = result.accounts.find((a) => a.account === 'ada@contoso.com');
    expect(ada?.last_active).toBe('2026-11-18');
    const cy = result.accounts.find((a) => a.account === 'cy@contoso.com');
    expect(cy?.last_active).toBe('2026-01-02');
  });

  it('counts every licensed SKU by part number when no tiers are given', async () => {
    fake = await startM365Fake(scenario());
    const result = await microsoft365Connector(fastOptions()).pull(context(config(fake, { tiers: undefined }), M365_ENV));
    expect(result.accounts.map((a) => [a.account, a.tier])).toEqual([
      ['ada@contoso.com', 'SPE_E3'],
      ['bob@contoso.com', 'SPE_E3'],
      ['cy@contoso.com', 'SPE_E3'],
      ['dee@contoso.com', 'FLOW_FREE'],
    ]);
    expect(result.vendor_entitled).toEqual({ FLOW_FREE: 10000, SPE_E3: 10, SPE_E5: 2 });
  });

  it('reads users again without signInActivity when the tenant has no Entra ID P1', async () => {
    fake = await startM365Fake(scenario({ refuseSignInActivity: true }));
    const result = await microsoft365Connector(fastOptions()).pull(context(config(fake), M365_ENV));
    expect(result.warnings).toContain(
      'Microsoft 365: Graph refused signInActivity (Authentication_RequestFromNonPremiumTenantOrB2CTenant); sign-in dates are missing. It needs Entra ID P1 and the AuditLog.Read.All permission.',
    );
    expect(result.accounts.find((a) => a.account === 'cy@contoso.com')?.last_active).toBe('2025-12-30');
  });

  it('asks for the shortest report period covering --since', async () => {
    fake = await startM365Fake(scenario());
    await microsoft365Connector(fastOptions()).pull(context(config(fake), M365_ENV, { since: '2026-09-01' }));
    expect(fake.requestsTo('/v1.0/reports/').map((r) => r.path)).toEqual([
      "/v1.0/reports/getOffice365ActiveUserDetail(period='D90')",
      "/v1.0/reports/getM365AppUserDetail(period='D90')",
    ]);
  });

  it('retries a 429 on a users page after Retry-After', async () => {
    fake = await startM365Fake(scenario({ rateLimitUsersPage: 2 }));
    const options = fastOptions();
    const result = await microsoft365Connector(options).pull(context(config(fake), M365_ENV));
    expect(options.waits).toEqual([2_000]);
    expect(result.accounts).toHaveLength(3);
  });

  it('fails with a ConnectorError when a users page is not JSON', async () => {
    fake = await startM365Fake(scenario({ malformedUsersPage: 3 }));
    const error = await rejection(microsoft365Connector(fastOptions()).pull(context(config(fake), M365_ENV)));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.message).toBe(`Microsoft 365: malformed JSON from ${new URL(fake.url).host} /v1.0/users (status 200)`);
  });

  it('reports a wrong client secret by its AADSTS line only', async () => {
    fake = await startM365Fake(scenario());
    const error = await rejection(microsoft365Connector(fastOptions()).pull(context(config(fake), { ...M365_ENV, M365_CLIENT_SECRET: 'bad~secret' })));
    expect(error.message).toBe(
      `Microsoft 365: ${fake.url}/${M365_ENV.M365_TENANT_ID}/oauth2/v2.0/token answered 401: invalid_client (AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.)`,
    );
    expect(`${error.message}${error.hint ?? ''}`).not.toContain('bad~secret');
  });
});
