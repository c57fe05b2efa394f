import { describe, expect, it } from 'vitest';
import { USAGE_SOURCES } from '../../src/inventory/schema/license.ts';
import { connectorFor, knownSources, registry } from '../../src/usage/registry.ts';

describe('usage registry', () => {
  it('maps each id to the connector with that id and lists the variables it reads', () => {
    expect(knownSources()).toEqual(['csv', 'flexnet', 'github-copilot', 'github-enterprise', 'google-workspace', 'json', 'microsoft-365', 'okta', 'rlm', 'slack', 'zoom']);
    // Every source a license file may name has a connector, and no connector is unreachable.
    expect(knownSources()).toEqual(USAGE_SOURCES.filter((s) => s !== 'none').sort());
    for (const [id, connector] of registry) expect(connector.id).toBe(id);
    expect(connectorFor('okta')?.env).toEqual(['OKTA_API_TOKEN']);
    expect(connectorFor('microsoft-365')?.env).toEqual(['M365_TENANT_ID', 'M365_CLIENT_ID', 'M365_CLIENT_SECRET']);
    expect(connectorFor('zoom')?.env).toEqual(['ZOOM_ACCOUNT_ID', 'ZOOM_CLIENT_ID', 'ZOOM_CLIENT_SECRET']);
    expect(connectorFor('google-workspace')?.env).toEqual(['GOOGLE_SERVICE_ACCOUNT_KEY']);
    expect(connectorFor('slack')?.env).toEqual(['SLACK_TOKEN']);
    expect(connectorFor('csv')?.env).toEqual([]);
    expect(connectorFor('flexnet')?.env).toEqual([]);
    expect(connectorFor('rlm')?.env).toEqual([]);
    expect(connectorFor('nope')).toBeUndefined();
  });
});
