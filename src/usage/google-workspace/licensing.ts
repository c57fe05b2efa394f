import { ConnectorError } from '../types.ts';
import { checkPageLimit, requestJson, type Http } from '../http/index.ts';
import { isRecord, toText } from '../shared/values.ts';

export interface LicenseAssignment {
  userId: string;
  skuId: string | undefined;
  skuName: string | undefined;
}

/**
 * Lists License Manager assignments for a product, or one SKU of it, following
 * `nextPageToken`. `customerId` is the primary domain or the customer id.
 */
export async function listAssignments(
  http: Http,
  base: string,
  token: string,
  productId: string,
  skuId: string | undefined,
  customerId: string,
  maxPages: number,
): Promise<LicenseAssignment[]> {
  const path = skuId === undefined
    ? `/apps/licensing/v1/product/${encodeURIComponent(productId)}/users`
    : `/apps/licensing/v1/product/${encodeURIComponent(productId)}/sku/${encodeURIComponent(skuId)}/users`;
  const assignments: LicenseAssignment[] = [];
  let pageToken = '';
  for (let pages = 1; ; pages++) {
    checkPageLimit(http, pages, maxPages);
    const query = new URLSearchParams({ customerId, maxResults: '1000' });
    if (pageToken) query.set('pageToken', pageToken);
    const { body } = await requestJson(http, `${base}${path}?${query.toString()}`, { headers: { Authorization: `Bearer ${token}` } });
    if (!isRecord(body) || (body.items !== undefined && !Array.isArray(body.items))) {
      throw new ConnectorError(`Google Workspace: license assignments page ${pages} has no "items" list`);
    }
    for (const item of (body.items ?? []) as unknown[]) {
      if (!isRecord(item)) continue;
      const userId = toText(item.userId);
      if (userId !== undefined) assignments.push({ userId, skuId: toText(item.skuId), skuName: toText(item.skuName) });
    }
    pageToken = toText(body.nextPageToken) ?? '';
    if (pageToken === '') return assignments;
  }
}
