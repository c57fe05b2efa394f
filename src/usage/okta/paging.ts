import { ConnectorError } from '../types.ts';
import { checkPageLimit, parseLinkHeader, requestJson, sameOrigin, type Http } from '../http/index.ts';

/**
 * Fetches every page of an Okta list, following `Link: <...>; rel="next"` (Okta's cursor
 * paging: the `after` value is opaque, so the whole URL is followed as given).
 */
export async function listAll(
  http: Http,
  firstUrl: string,
  headers: Record<string, string>,
  maxPages: number,
  onPage: (items: unknown[]) => void,
): Promise<void> {
  let url: string | undefined = firstUrl;
  let pages = 0;
  const seen = new Set<string>();
  while (url !== undefined) {
    checkPageLimit(http, ++pages, maxPages);
    if (seen.has(url)) throw new ConnectorError(`${http.vendor}: the next-page link repeats a page already read`);
    seen.add(url);
    const { body, response } = await requestJson(http, url, { headers });
    if (!Array.isArray(body)) {
      throw new ConnectorError(`${http.vendor}: page ${pages} of ${new URL(url).pathname} is not a JSON array`);
    }
    onPage(body);
    const next = parseLinkHeader(response.headers.get('link')).get('next');
    url = next === undefined ? undefined : sameOrigin(http, firstUrl, next);
  }
}

/** Okta's error body: `{ errorCode, errorSummary, errorCauses: [{ errorSummary }] }`. */
export function describeOktaError(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as { errorCode?: unknown; errorSummary?: unknown; errorCauses?: unknown };
  if (typeof b.errorSummary !== 'string') return undefined;
  const causes = Array.isArray(b.errorCauses)
    ? b.errorCauses.map((c) => (c as { errorSummary?: unknown }).errorSummary).filter((s) => typeof s === 'string')
    : [];
  const code = typeof b.errorCode === 'string' ? `${b.errorCode} ` : '';
  return `${code}${b.errorSummary}${causes.length > 0 ? ` (${causes.join('; ')})` : ''}`;
}
