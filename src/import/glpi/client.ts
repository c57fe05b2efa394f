import { checkPageLimit, failFor, readJson, send, type Http } from '../../usage/http/index.ts';
import { ConnectorError } from '../../usage/types.ts';
import { isRecord } from '../../usage/shared/values.ts';

const PAGE = 200;

/** A GLPI API session: the base (…/apirest.php) and the headers every call carries. */
export interface GlpiSession {
  http: Http;
  base: string;
  headers: Record<string, string>;
}

/** GLPI errors are `["ERROR_CODE", "message"]` (GLPI apirest.md, "Errors"). */
export const describeGlpiError = (body: unknown) => (Array.isArray(body) ? body.filter((x) => typeof x === 'string').join(': ') : undefined);

/** `GET initSession` with the App-Token and `Authorization: user_token …` headers (apirest.md, "Init session"). */
export async function openSession(http: Http, base: string, appToken: string, userToken: string): Promise<GlpiSession> {
  const url = `${base}/initSession`;
  const response = await send(http, url, { headers: { 'App-Token': appToken, Authorization: `user_token ${userToken}`, Accept: 'application/json' } });
  if (!response.ok) return failFor(http, response, url, 'check GLPI_USER_TOKEN (the user\'s API token, in their settings) and GLPI_APP_TOKEN (Setup > General > API client)');
  const body = await readJson(http, response, url);
  if (!isRecord(body) || typeof body.session_token !== 'string') throw new ConnectorError('GLPI: initSession answered without a session_token');
  return { http, base, headers: { 'App-Token': appToken, 'Session-Token': body.session_token, Accept: 'application/json' } };
}

/** `GET killSession`: ends the session; a failure here loses nothing, so it is not an error. */
export async function closeSession(s: GlpiSession): Promise<void> {
  await send(s.http, `${s.base}/killSession`, { headers: s.headers }).then((r) => r.body?.cancel()).catch(() => undefined);
}

/** Every item of an itemtype, paged by `range=a-b` until the total of `Content-Range: a-b/total` (apirest.md, "Get all items"). */
export async function allItems(s: GlpiSession, itemtype: string, maxPages: number, expand = false): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for (let page = 1; ; page++) {
    checkPageLimit(s.http, page, maxPages);
    const url = `${s.base}/${itemtype}?range=${items.length}-${items.length + PAGE - 1}${expand ? '&expand_dropdowns=true' : ''}`;
    const response = await send(s.http, url, { headers: s.headers });
    if (!response.ok) return failFor(s.http, response, url);
    const body = await readJson(s.http, response, url);
    if (!Array.isArray(body)) throw new ConnectorError(`GLPI: ${s.base}/${itemtype} did not answer a list of items`);
    items.push(...body.filter(isRecord));
    const total = Number(/\/(\d+)$/.exec(response.headers.get('content-range') ?? '')?.[1]);
    if (body.length === 0 || !Number.isFinite(total) || items.length >= total) return items;
  }
}
