// Microsoft Graph fake: Entra ID client-credentials token endpoint, `subscribedSkus`, `/users`
// with `@odata.nextLink` paging (and the 403 Graph gives for signInActivity without Entra ID
// P1), and the usage report functions, which answer `302 Found` to a pre-authenticated
// download URL serving a CSV with a UTF-8 byte-order mark and CRLF line ends, as Graph does.
// Column names follow learn.microsoft.com's reportRoot getOffice365ActiveUserDetail and
// getM365AppUserDetail.
import { createHash } from 'node:crypto';
import { startFake, type FakeResponse, type RecordedRequest, type VendorFake } from './server.ts';

export const M365_ENV = { M365_TENANT_ID: 'contoso-tenant', M365_CLIENT_ID: 'app-client-id', M365_CLIENT_SECRET: 'm365-secret~never~printed' };
const ACCESS_TOKEN = 'eyJ0eXAiOiJKV1Qi.graph.token';

export const ACTIVE_USER_COLUMNS = [
  'Report Refresh Date', 'User Principal Name', 'Display Name', 'Is Deleted', 'Deleted Date',
  'Has Exchange License', 'Has OneDrive License', 'Has SharePoint License', 'Has Skype For Business License', 'Has Yammer License', 'Has Teams License',
  'Exchange Last Activity Date', 'OneDrive Last Activity Date', 'SharePoint Last Activity Date', 'Skype For Business Last Activity Date', 'Yammer Last Activity Date', 'Teams Last Activity Date',
  'Exchange License Assign Date', 'OneDrive License Assign Date', 'SharePoint License Assign Date', 'Skype For Business License Assign Date', 'Yammer License Assign Date', 'Teams License Assign Date',
  'Assigned Products',
];
export const APP_USER_COLUMNS = [
  'Report Refresh Date', 'User Principal Name', 'Last Activation Date', 'Last Activity Date', 'Report Period',
  'Windows', 'Mac', 'Mobile', 'Web', 'Outlook', 'Word', 'Excel', 'PowerPoint', 'OneNote', 'Teams',
  'Outlook (Windows)', 'Word (Windows)', 'Excel (Windows)', 'PowerPoint (Windows)', 'OneNote (Windows)', 'Teams (Windows)',
  'Outlook (Mac)', 'Word (Mac)', 'Excel (Mac)', 'PowerPoint (Mac)', 'OneNote (Mac)', 'Teams (Mac)',
  'Outlook (Mobile)', 'Word (Mobile)', 'Excel (Mobile)', 'PowerPoint (Mobile)', 'OneNote (Mobile)', 'Teams (Mobile)',
  'Outlook (Web)', 'Word (Web)', 'Excel (Web)', 'PowerPoint (Web)', 'OneNote (Web)', 'Teams (Web)',
];

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A report CSV as Graph sends it: BOM, CRLF, quoted where needed. */
export function reportCsv(columns: string[], rows: Record<string, string>[]): string {
  const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => quote(r[c] ?? '')).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** What a concealed tenant shows instead of a UPN. */
export function concealedName(upn: string): string {
  return createHash('md5').update(upn).digest('hex').toUpperCase();
}

export interface M365Scenario {
  skus: Record<string, unknown>[];
  users: Record<string, unknown>[];
  pageSize: number;
  activeUserCsv: string;
  appUserCsv: string;
  refuseSignInActivity?: boolean;
  rateLimitUsersPage?: number;
  malformedUsersPage?: number;
}

function denied(req: RecordedRequest): FakeResponse | undefined {
  if (req.headers.authorization === `Bearer ${ACCESS_TOKEN}`) return undefined;
  return { status: 401, body: { error: { code: 'InvalidAuthenticationToken', message: 'Access token validation failure. Invalid audience.', innerError: { 'request-id': 'r1', date: '2026-11-20T10:00:00' } } } };
}

export async function startM365Fake(scenario: M365Scenario): Promise<VendorFake> {
  let limited = false;
  const report = (file: string) => (req: RecordedRequest, fake: VendorFake): FakeResponse => {
    const no = denied(req);
    if (no) return no;
    if (!/\(period='D(7|30|90|180)'\)$/.test(req.path)) {
      return { status: 400, body: { error: { code: 'BadRequest', message: 'Invalid value for period. Supported values: D7, D30, D90, D180.' } } };
    }
    return { status: 302, headers: { location: `${fake.url}/download/${file}?sv=2024-08-04&sig=abc` } };
  };
  const download = (csv: string) => (req: RecordedRequest): FakeResponse => {
    // The download URL is pre-authenticated; a bearer token must not be sent to it.
    if (req.headers.authorization !== undefined) return { status: 400, body: 'Authorization must not be sent to the download host' };
    return { headers: { 'content-type': 'application/octet-stream' }, body: Buffer.from(csv, 'utf8') };
  };
  return startFake({
    [`POST /${M365_ENV.M365_TENANT_ID}/oauth2/v2.0/token`]: (req, fake): FakeResponse => {
      const form = new URLSearchParams(req.body);
      if (form.get('grant_type') !== 'client_credentials' || form.get('scope') !== `${new URL(fake.url).origin}/.default`) {
        return { status: 400, body: { error: 'invalid_request', error_description: 'AADSTS900144: The request body must contain the following parameter: grant_type.' } };
      }
      if (form.get('client_id') !== M365_ENV.M365_CLIENT_ID || form.get('client_secret') !== M365_ENV.M365_CLIENT_SECRET) {
        return {
          status: 401,
          body: {
            error: 'invalid_client',
            error_description: "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.\r\nTrace ID: 0000\r\nCorrelation ID: 1111",
            error_codes: [7000215],
          },
        };
      }
      return { body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: ACCESS_TOKEN } };
    },
    'GET /v1.0/subscribedSkus': (req): FakeResponse => denied(req) ?? { body: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#subscribedSkus', value: scenario.skus } },
        "GET /v1.0/reports/getOffice365ActiveUserDetail(period='*": report('office365-active-users.csv'),
    "GET /v1.0/reports/getM365AppUserDetail(period='*": report('m365-app-users.csv'),
    'GET /download/office365-active-users.csv': download(scenario.activeUserCsv),
    'GET /download/m365-app-users.csv': download(scenario.appUserCsv),
    'GET /v1.0/users': (req, fake): FakeResponse => {
      const no = denied(req);
      if (no) return no;
      const select = req.query.get('$select') ?? '';
      if (scenario.refuseSignInActivity && select.includes('signInActivity')) {
        return { status: 403, body: { error: { code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', message: "Neither tenant is B2C or tenant doesn't have premium license", innerError: {} } } };
      }
      const start = Number(req.query.get('$skiptoken') ?? 0);
      const page = Math.floor(start / scenario.pageSize) + 1;
      if (scenario.rateLimitUsersPage === page && !limited) {
        limited = true;
        return { status: 429, headers: { 'retry-after': '2' }, body: { error: { code: 'TooManyRequests', message: 'Too many requests' } } };
      }
      if (scenario.malformedUsersPage === page) return { body: '<html>Service Unavailable</html>', headers: { 'content-type': 'text/html' } };
      // `$expand=manager($select=id)` embeds the manager (learn.microsoft.com, user: list manager).
      const expand = req.query.get('$expand');
      const fields = [...select.split(','), ...(expand?.startsWith('manager') ? ['manager'] : [])];
      const value = scenario.users.slice(start, start + scenario.pageSize).map((u) => Object.fromEntries(Object.entries(u).filter(([k]) => fields.includes(k))));
      const next = start + scenario.pageSize < scenario.users.length
        ? `${fake.url}/v1.0/users?$select=${encodeURIComponent(select)}${expand ? `&$expand=${encodeURIComponent(expand)}` : ''}&$top=999&$skiptoken=${start + scenario.pageSize}`
        : undefined;
      return { body: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users', value, ...(next ? { '@odata.nextLink': next } : {}) } };
    },
  });
}
