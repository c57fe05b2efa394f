import { describe, expect, it } from 'vitest';
import { ENVIRONMENT, SECRET_NAMES, SOURCE_ENV } from '../../src/secrets/env.ts';
import { registry } from '../../src/usage/registry.ts';

describe('the environment variables lac reads, as data', () => {
  it('are the ones each connector declares, source by source', () => {
    for (const [id, connector] of registry) {
      const listed = ENVIRONMENT.filter((v) => v.readBy === id).map((v) => v.name);
      expect(connector.env, id).toEqual(listed);
      expect(id in SOURCE_ENV, id).toBe(listed.length > 0);
    }
  });

  it('say which are secrets, which source reads them and which are fallbacks', () => {
    expect(ENVIRONMENT.filter((v) => v.readBy === 'github-copilot')).toEqual([
      { name: 'LAC_GITHUB_USAGE_TOKEN', secret: true, readBy: 'github-copilot' },
      { name: 'GITHUB_TOKEN', secret: true, fallback: true, readBy: 'github-copilot' },
      { name: 'GITHUB_API_URL', secret: false, readBy: 'github-copilot' },
    ]);
    expect(ENVIRONMENT.filter((v) => v.readBy === 'github').map((v) => v.name)).toEqual(['GITHUB_TOKEN', 'GITHUB_API_URL', 'GITHUB_REPOSITORY']);
    expect(SECRET_NAMES).toEqual(['GITHUB_TOKEN', 'GLPI_APP_TOKEN', 'GLPI_USER_TOKEN', 'GOOGLE_SERVICE_ACCOUNT_KEY', 'LAC_GITHUB_USAGE_TOKEN', 'M365_CLIENT_SECRET', 'OKTA_API_TOKEN', 'SLACK_TOKEN', 'SNIPEIT_API_TOKEN', 'ZOOM_CLIENT_SECRET']);
    expect(ENVIRONMENT.filter((v) => v.readBy.startsWith('import-')).map((v) => `${v.readBy} ${v.name}`)).toEqual(['import-snipe-it SNIPEIT_API_TOKEN', 'import-glpi GLPI_APP_TOKEN', 'import-glpi GLPI_USER_TOKEN']);
  });
});
