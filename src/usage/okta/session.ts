import { sourceEnv } from '../../secrets/env.ts';
import type { Http } from '../http/index.ts';
import { baseUrl, requireEnv } from '../shared/config.ts';
import { httpFor, DEFAULT_MAX_PAGES, type ConnectorOptions } from '../shared/options.ts';
import { ConnectorError, type ConnectorContext } from '../types.ts';
import { describeOktaError } from './paging.ts';

export const OKTA = 'Okta';
export const OKTA_ENV = sourceEnv('okta');

/** What every Okta request of one pull needs: the org URL, the HTTP handle, the SSWS headers and the page cap. */
export interface OktaSession {
  base: string;
  http: Http;
  headers: Record<string, string>;
  maxPages: number;
}

type SessionContext = Pick<ConnectorContext, 'config' | 'env' | 'fetch' | 'signal' | 'maxPages'>;

/**
 * Opens an Okta session for the usage, directory or discovery source; `block` names the
 * org.yaml or license block whose `config.base_url` is asked for, so the message points at it.
 */
export function oktaSession(ctx: SessionContext, options: ConnectorOptions, block: 'usage' | 'directory' | 'discovery'): OktaSession {
  const { OKTA_API_TOKEN: token } = requireEnv(ctx.env, OKTA_ENV, OKTA);
  if (ctx.config.base_url === undefined) {
    const where = block === 'usage' ? '' : ' in org.yaml';
    throw new ConnectorError(`${OKTA}: ${block}.config.base_url is missing`, `Set it to your Okta org URL${where}, e.g. \`base_url: https://example.okta.com\`.`);
  }
  return {
    base: baseUrl(ctx.config, 'base_url', OKTA, ''),
    http: httpFor(OKTA, ctx, options, describeOktaError),
    headers: { Authorization: `SSWS ${token}`, Accept: 'application/json' },
    maxPages: ctx.maxPages ?? DEFAULT_MAX_PAGES,
  };
}
