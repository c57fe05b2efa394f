// Directory sources against fakes on 127.0.0.1 that serve the vendors' documented shapes:
// Okta Users API (developer.okta.com/docs/reference/api/users, Link-header paging), Google Admin
// SDK Directory API users.list (developers.google.com/admin-sdk/directory/reference/rest/v1/users/list)
// and Microsoft Graph List users (learn.microsoft.com/graph/api/user-list, @odata.nextLink).
import { afterEach, describe, expect, it } from 'vitest';
import { entraIdDirectory } from '../../src/directory/entra-id/index.ts';
import { googleWorkspaceDirectory } from '../../src/directory/google-workspace/index.ts';
import { oktaDirectory } from '../../src/directory/okta/index.ts';
import { ConnectorError } from '../../src/usage/types.ts';
import { serviceAccountKey, startGoogleFake } from '../support/vendor-fakes/google-workspace.ts';
import { M365_ENV, startM365Fake } from '../support/vendor-fakes/microsoft-365.ts';
import { OKTA_TOKEN, oktaUser, startOktaFake } from '../support/vendor-fakes/okta.ts';
import type { VendorFake } from '../support/vendor-fakes/server.ts';
import { context, fastOptions, rejection } from '../usage/helpers.ts';

let fake: VendorFake | undefined;
afterEach(async () => {
  if (fake) expect(fake.unexpected).toEqual([]);
  await fake?.close();
  fake = undefined;
});

const withProfile = (user: Record<string, unknown>, extra: Record<string, unknown>) => ({ ...user, profile: { ...(user.profile as object), ...extra } });

describe('okta directory source', () => {
  const users = [
    withProfile(oktaUser('00u1', 'ada@example.com', 'ACTIVE', null, ['Ada', 'Lovelace']), { department: 'Engineering', title: 'Staff Engineer', costCenter: 'CC-100', managerId: '00u2', userType: 'Contractor', city: 'Berlin' }),
    withProfile(oktaUser('00u2', 'bob@example.com', 'SUSPENDED', null, ['Bob', 'Stone']), { department: 'Sales' }),
    oktaUser('00u3', 'cy@example.com', 'ACTIVE', null, ['Cy', 'Young']),
  ];

  it('reads every user over Link-header pages, deprovisioned ones as leavers on the day they were deprovisioned', async () => {
    const gone = { ...oktaUser('00u9', 'zed@example.com', 'DEPROVISIONED', null, ['Zed', 'Old']), statusChanged: '2026-02-27T17:00:00.000Z' };
    fake = await startOktaFake({ users, deprovisioned: [gone], pageSize: 2 });
    const result = await oktaDirectory(fastOptions()).pull(context({ base_url: fake.url }, { OKTA_API_TOKEN: OKTA_TOKEN }));
    expect(result.entries).toEqual([
      { directoryId: '00u1', email: 'ada@example.com', name: 'Ada Lovelace', department: 'Engineering', title: 'Staff Engineer', costCentre: 'CC-100', location: 'Berlin', employmentType: 'Contractor', manager: '00u2', status: 'active' },
      { directoryId: '00u2', email: 'bob@example.com', name: 'Bob Stone', department: 'Sales', status: 'on-leave' },
      { directoryId: '00u3', email: 'cy@example.com', name: 'Cy Young', status: 'active' },
      { directoryId: '00u9', email: 'zed@example.com', name: 'Zed Old', status: 'leaver', end: '2026-02-27' },
    ]);
    expect(fake.requestsTo('/api/v1/users').length).toBe(3);
  });

  it('fails as a whole when a page in the middle is malformed', async () => {
    fake = await startOktaFake({ users, pageSize: 2, malformedPage: 2 });
    const error = await rejection(oktaDirectory(fastOptions()).pull(context({ base_url: fake.url }, { OKTA_API_TOKEN: OKTA_TOKEN })));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.message).toContain('malformed JSON');
  });

  it('points a missing org URL at the directory block of org.yaml, not at a license file', async () => {
    const error = await rejection(oktaDirectory().pull(context({}, { OKTA_API_TOKEN: OKTA_TOKEN })));
    expect(error.message).toBe('Okta: directory.config.base_url is missing');
    expect(error.hint).toBe('Set it to your Okta org URL in org.yaml, e.g. `base_url: https://example.okta.com`.');
  });
});

describe('google workspace directory source', () => {
  const key = serviceAccountKey();
  const user = (id: string, email: string, extra: Record<string, unknown> = {}) => ({
    kind: 'admin#directory#user', id, primaryEmail: email, name: { givenName: 'G', familyName: id, fullName: `G ${id}` }, isAdmin: false, suspended: false, archived: false,
    emails: [{ address: email, primary: true }], ...extra,
  });

  it('reads users.list over nextPageToken pages with organizations, the manager relation and deleted users', async () => {
    fake = await startGoogleFake({
      publicKey: key.publicKey, subject: 'admin@example.com', readyUntil: '2026-11-18', reports: [], reportPageSize: 10, directoryPageSize: 1,
      directoryUsers: [
        user('101', 'ada@example.com', { aliases: ['ada.l@example.com'], organizations: [{ title: 'Engineer', department: 'Engineering', costCenter: 'CC-100', description: 'Employee', location: 'Dublin', primary: true }], relations: [{ value: 'bob@example.com', type: 'manager' }] }),
        user('102', 'bob@example.com', { suspended: true }),
      ],
      deletedUsers: [{ ...user('103', 'cy@example.com'), deletionTime: '2026-03-02T10:00:00.000Z' }],
    });
    const config = { subject: 'admin@example.com', base_url: fake.url, token_url: `${fake.url}/token` };
    const result = await googleWorkspaceDirectory(fastOptions()).pull(context(config, { GOOGLE_SERVICE_ACCOUNT_KEY: key.json }));
    expect(result.entries).toEqual([
      { directoryId: '101', email: 'ada@example.com', aliases: ['ada.l@example.com'], name: 'G 101', department: 'Engineering', title: 'Engineer', costCentre: 'CC-100', location: 'Dublin', employmentType: 'Employee', manager: 'bob@example.com', status: 'active' },
      { directoryId: '102', email: 'bob@example.com', name: 'G 102', status: 'on-leave' },
      { directoryId: '103', email: 'cy@example.com', name: 'G 103', status: 'leaver', end: '2026-03-02' },
    ]);
  });

  it('fails as a whole when a page fails', async () => {
    fake = await startGoogleFake({ publicKey: key.publicKey, subject: 'admin@example.com', readyUntil: '2026-11-18', reports: [], reportPageSize: 10, directoryPageSize: 1, failDirectoryPage: 2, directoryUsers: [user('1', 'a@example.com'), user('2', 'b@example.com')] });
    const config = { subject: 'admin@example.com', base_url: fake.url, token_url: `${fake.url}/token` };
    const error = await rejection(googleWorkspaceDirectory(fastOptions()).pull(context(config, { GOOGLE_SERVICE_ACCOUNT_KEY: key.json })));
    expect(error.message).toContain('answered 500');
  });
});

describe('entra id directory source', () => {
  it('reads Graph /users over @odata.nextLink pages with the expanded manager, hire and leave dates', async () => {
    fake = await startM365Fake({
      skus: [], pageSize: 1, activeUserCsv: '', appUserCsv: '',
      users: [
        { id: 'e-1', displayName: 'Ada Lovelace', mail: 'ada@example.com', userPrincipalName: 'ada@example.onmicrosoft.com', accountEnabled: true, department: 'Engineering', jobTitle: 'Engineer', officeLocation: 'Berlin HQ', employeeType: 'Employee', employeeHireDate: '2020-01-06T00:00:00Z', employeeOrgData: { costCenter: 'CC-100', division: null }, manager: { '@odata.type': '#microsoft.graph.user', id: 'e-2' } },
        { id: 'e-2', displayName: 'Bob Stone', mail: 'bob@example.com', userPrincipalName: 'bob@example.com', accountEnabled: true, employeeLeaveDateTime: '2026-12-31T00:00:00Z' },
        { id: 'e-3', displayName: 'Cy Young', mail: null, userPrincipalName: 'cy@example.com', accountEnabled: false },
      ],
    });
    const config = { base_url: fake.url, token_url: `${fake.url}/${M365_ENV.M365_TENANT_ID}/oauth2/v2.0/token` };
    const result = await entraIdDirectory(fastOptions()).pull(context(config, M365_ENV, { today: '2026-11-20' }));
    expect(result.entries).toEqual([
      { directoryId: 'e-1', email: 'ada@example.com', aliases: ['ada@example.onmicrosoft.com'], name: 'Ada Lovelace', department: 'Engineering', title: 'Engineer', costCentre: 'CC-100', location: 'Berlin HQ', employmentType: 'Employee', manager: 'e-2', status: 'active', start: '2020-01-06' },
      { directoryId: 'e-2', email: 'bob@example.com', name: 'Bob Stone', status: 'active', end: '2026-12-31' },
      { directoryId: 'e-3', email: 'cy@example.com', name: 'Cy Young', status: 'leaver' },
    ]);
    expect(fake.requestsTo('/v1.0/users').length).toBe(3);
  });
});
