import { checkPageLimit, requestJson, type Http } from '../../usage/http/index.ts';
import { ConnectorError } from '../../usage/types.ts';
import { isRecord } from '../../usage/shared/values.ts';

const PAGE = 500;

/**
 * All rows of a Snipe-IT list endpoint, paged with `limit` and `offset` until `total` is reached
 * (Snipe-IT API reference, "Licenses" and "Users": `{ total, rows }`). Auth: `Authorization: Bearer <token>`.
 */
export async function listAll(http: Http, base: string, path: string, token: string, maxPages: number): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for (let page = 1; ; page++) {
    checkPageLimit(http, page, maxPages);
    const url = `${base}/api/v1/${path}?limit=${PAGE}&offset=${rows.length}`;
    const { body } = await requestJson(http, url, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
    // Snipe-IT answers some errors with 200 and { status: "error", messages }.
    if (!isRecord(body) || body.status === 'error' || !Array.isArray(body.rows) || typeof body.total !== 'number') {
      throw new ConnectorError(`Snipe-IT: ${base}/api/v1/${path} did not answer a list ({ total, rows })${isRecord(body) && typeof body.messages === 'string' ? `: ${body.messages}` : ''}`, 'check --url (the Snipe-IT address, without /api/v1) and that the API token may read licenses and users');
    }
    rows.push(...body.rows.filter(isRecord));
    if (body.rows.length === 0 || rows.length >= body.total) return rows;
  }
}
