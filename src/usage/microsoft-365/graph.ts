import { ConnectorError } from '../types.ts';
import { checkPageLimit, failFor, readJson, sameOrigin, send, type Http } from '../http/index.ts';
import { isRecord, toNumber, toText } from '../shared/values.ts';
import { vendorText } from '../../secrets/summary.ts';

export interface GraphUser {
  upn: string;
  mail: string | undefined;
  displayName: string | undefined;
  accountEnabled: boolean | undefined;
  skuIds: string[];
  lastSignIn: unknown;
}

export interface Sku {
  skuId: string;
  partNumber: string | undefined;
  enabled: number;
  consumed: number;
}

const WITH_SIGN_IN = 'id,userPrincipalName,displayName,mail,accountEnabled,assignedLicenses,signInActivity';
const WITHOUT_SIGN_IN = 'id,userPrincipalName,displayName,mail,accountEnabled,assignedLicenses';

/**
 * Lists users, following `@odata.nextLink`. `signInActivity` needs Entra ID P1 and
 * AuditLog.Read.All; when Graph refuses it (403), the list is read again without it.
 */
export async function listUsers(http: Http, base: string, token: string, maxPages: number, warnings: string[]): Promise<GraphUser[]> {
  try {
    return await listUsersSelecting(http, base, token, maxPages, WITH_SIGN_IN);
  } catch (error) {
    if (!(error instanceof SignInActivityRefused)) throw error;
    warnings.push(
      `Microsoft 365: Graph refused signInActivity (${error.detail}); sign-in dates are missing. It needs Entra ID P1 and the AuditLog.Read.All permission.`,
    );
    return listUsersSelecting(http, base, token, maxPages, WITHOUT_SIGN_IN);
  }
}

class SignInActivityRefused extends Error {
  readonly detail: string;
  constructor(detail: string) {
    super(detail);
    this.detail = detail;
  }
}

async function listUsersSelecting(http: Http, base: string, token: string, maxPages: number, select: string): Promise<GraphUser[]> {
  const users: GraphUser[] = [];
  const first = `${base}/v1.0/users?$select=${select}&$top=999`;
  let url: string | undefined = first;
  for (let pages = 1; url !== undefined; pages++) {
    checkPageLimit(http, pages, maxPages);
    const response = await send(http, url, { headers: { Authorization: `Bearer ${token}` } });
    if (response.status === 403 && select === WITH_SIGN_IN && pages === 1) {
      const body = await readJson(http, response, url).catch(() => undefined);
      const code = isRecord(body) && isRecord(body.error) ? toText(body.error.code) : undefined;
      throw new SignInActivityRefused(code === undefined ? '403' : vendorText(code, http.redact, 80));
    }
    if (!response.ok) return failFor(http, response, url);
    const body = await readJson(http, response, url);
    if (!isRecord(body) || !Array.isArray(body.value)) throw new ConnectorError(`Microsoft 365: users page ${pages} has no "value" list`);
    for (const item of body.value) {
      if (!isRecord(item)) continue;
      const upn = toText(item.userPrincipalName);
      if (upn === undefined) continue;
      const licenses = Array.isArray(item.assignedLicenses) ? item.assignedLicenses : [];
      users.push({
        upn,
        mail: toText(item.mail),
        displayName: toText(item.displayName),
        accountEnabled: typeof item.accountEnabled === 'boolean' ? item.accountEnabled : undefined,
        skuIds: licenses.map((l) => (isRecord(l) ? toText(l.skuId) : undefined)).filter((s): s is string => s !== undefined),
        lastSignIn: isRecord(item.signInActivity) ? item.signInActivity.lastSignInDateTime : undefined,
      });
    }
    const next = toText(body['@odata.nextLink']);
    url = next === undefined ? undefined : sameOrigin(http, first, next);
  }
  return users;
}

/** The tenant's subscribed SKUs: prepaid (enabled) and consumed units. */
export async function listSkus(http: Http, base: string, token: string): Promise<Sku[]> {
  const url = `${base}/v1.0/subscribedSkus`;
  const response = await send(http, url, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) return failFor(http, response, url);
  const body = await readJson(http, response, url);
  if (!isRecord(body) || !Array.isArray(body.value)) throw new ConnectorError('Microsoft 365: subscribedSkus has no "value" list');
  const skus: Sku[] = [];
  for (const item of body.value) {
    if (!isRecord(item)) continue;
    const skuId = toText(item.skuId);
    if (skuId === undefined) continue;
    const prepaid = isRecord(item.prepaidUnits) ? item.prepaidUnits : {};
    skus.push({ skuId, partNumber: toText(item.skuPartNumber), enabled: toNumber(prepaid.enabled) ?? 0, consumed: toNumber(item.consumedUnits) ?? 0 });
  }
  return skus;
}
