// The fake serves the shapes of GLPI's REST API documentation (apirest.md in glpi-project/glpi:
// "Init session", "Get all items", "Kill session", "Errors"): a session token from initSession
// (App-Token and `Authorization: user_token …`), items as JSON arrays paged by `range=a-b` with
// `Content-Range: a-b/total` and status 206 for a partial page, errors as ["ERROR_CODE", "message"].
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/check/run.ts';
import { fsSource } from '../../src/inventory/source.ts';
import { cleanup, lac, tempRepo } from '../support/cli.ts';
import { ORG } from '../support/inventory.ts';

const ENV = { GLPI_APP_TOKEN: 'app-tok-1', GLPI_USER_TOKEN: 'user-tok-2' };
const ITEMS: Record<string, unknown[]> = {
  SoftwareLicense: [
    { id: 1, name: 'Standard', softwares_id: 'Microsoft Visio', manufacturers_id: 'Microsoft', number: 2, expire: '2026-09-30' },
    { id: 2, name: 'Site', softwares_id: '7-Zip', manufacturers_id: 0, number: -1, expire: null },
    { id: 3, name: 'Team', softwares_id: 'Miro', manufacturers_id: 'Miro', number: 5, expire: '2026-12-31' },
  ],
  Infocom: [
    { id: 10, itemtype: 'SoftwareLicense', items_id: 1, value: '600.0000', buy_date: '2025-10-01', suppliers_id: 'Bechtle', order_number: 'BE-77' },
    { id: 11, itemtype: 'Computer', items_id: 1, value: '999.0000', buy_date: '2024-01-01', suppliers_id: 0, order_number: '' },
  ],
  SoftwareLicense_User: [{ id: 1, softwarelicenses_id: 1, users_id: 7 }, { id: 2, softwarelicenses_id: 1, users_id: 8 }, { id: 3, softwarelicenses_id: 3, users_id: 9 }],
  Contract: [
    { id: 5, name: 'Miro Team 2026', num: 'C-5', begin_date: '2026-01-01', duration: 12 },
    { id: 6, name: 'Tools bundle', num: 'C-6', begin_date: '2026-02-01', duration: 24 },
  ],
  Contract_Item: [
    { id: 1, contracts_id: 5, itemtype: 'SoftwareLicense', items_id: 3 },
    { id: 2, contracts_id: 6, itemtype: 'SoftwareLicense', items_id: 1 },
    { id: 3, contracts_id: 6, itemtype: 'SoftwareLicense', items_id: 2 },
    { id: 4, contracts_id: 5, itemtype: 'Computer', items_id: 40 },
  ],
  Contract_Supplier: [{ id: 1, contracts_id: 5, suppliers_id: 'Miro Inc' }],
  ContractCost: [{ id: 1, contracts_id: 5, cost: '500.0000' }, { id: 2, contracts_id: 5, cost: '250.0000' }, { id: 3, contracts_id: 6, cost: '100.0000' }],
  User: [{ id: 7, name: 'jdoe', firstname: 'Jane', realname: 'Doe' }, { id: 8, name: 'asmith', firstname: 'Al', realname: 'Smith' }],
  UserEmail: [{ id: 1, users_id: 7, email: 'jane.doe@acme.example', is_default: 1 }, { id: 2, users_id: 7, email: 'jd@old.example', is_default: 0 }],
};

let server: Server;
let url = '';
const log: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const path = u.pathname.replace(/^\/glpi\/apirest\.php\/?/, '');
    log.push(`${path} ${u.searchParams}`);
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    if (req.headers['app-token'] !== ENV.GLPI_APP_TOKEN) return json(400, ['ERROR_WRONG_APP_TOKEN_PARAMETER', 'parameter app_token seems wrong']);
    if (path === 'initSession') {
      return req.headers.authorization === `user_token ${ENV.GLPI_USER_TOKEN}` ? json(200, { session_token: 'sess-3' }) : json(401, ['ERROR_GLPI_LOGIN_USER_TOKEN', 'parameter user_token seems invalid']);
    }
    if (req.headers['session-token'] !== 'sess-3') return json(401, ['ERROR_SESSION_TOKEN_INVALID', 'session_token seems invalid']);
    if (path === 'killSession') return json(200, true);
    const all = ITEMS[path];
    if (!all) return json(400, ['ERROR_RESOURCE_NOT_FOUND_NOR_COMMONDBTM', 'resource not found']);
    // At most two items per page, whatever range asks: the client must follow Content-Range.
    const from = Number(/^(\d+)-/.exec(u.searchParams.get('range') ?? '0-')?.[1]);
    const page = all.slice(from, from + 2);
    json(from + page.length < all.length ? 206 : 200, page, { 'Content-Range': `${from}-${from + page.length - 1}/${all.length}` });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/glpi`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(cleanup));
const repo = (files: Record<string, string> = {}) => {
  const dir = tempRepo({ 'inventory/org.yaml': ORG, ...files });
  dirs.push(dir);
  return dir;
};

describe('lac import glpi', () => {
  it('reads licenses, costs, assigned users and their emails through a session, paged by Content-Range', async () => {
    const dir = repo();
    log.length = 0;
    const r = await lac(['import', 'glpi', '--url', url, '--today', '2026-02-01'], { cwd: dir, env: ENV });
    expect(r.stderr).toBe('');
    expect(log[0]).toBe('initSession ');
    expect(log).toContain('SoftwareLicense range=2-201&expand_dropdowns=true');
    expect(log[log.length - 1]).toBe('killSession ');
    expect(r.stdout).toContain('not imported GLPI SoftwareLicense 1 user 8: held by "Al Smith" without an email address');
    expect(r.stdout).toContain('not imported GLPI SoftwareLicense 3 user 9: assigned to user 9, whom GLPI does not list');
    expect(r.stdout).toContain('not imported GLPI SoftwareLicense 2 "Site": the cost 100.00 of GLPI contract 6 "Tools bundle" covers 2 licenses; split it by hand');
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'inventory/contracts/miro-team-2026.yaml'), 'utf8')).toContain('vendor: miro\ntitle: Miro Team until 2026-12-31\ncurrency: EUR\nstart: 2026-01-01\nend: 2026-12-31\norder_number: C-5\nlines:\n  - { license: miro-team, tier: standard, quantity: 5, unit_price: "150.00" }\n');
    expect(readFileSync(join(dir, 'inventory/contracts/microsoft-visio-standard-2025.yaml'), 'utf8')).toContain('vendor: microsoft\ntitle: Microsoft Visio Standard until 2026-09-30\ncurrency: EUR\nstart: 2025-10-01\nend: 2026-09-30\norder_number: BE-77\nlines:\n  - { license: microsoft-visio-standard, tier: standard, quantity: 2, unit_price: "300.00" }\n');
    expect(readFileSync(join(dir, 'inventory/assignments/microsoft-visio-standard.yaml'), 'utf8')).toContain('  - { person: jane.doe, tier: standard, since: 2026-02-01 }\n');
    expect((await check(fsSource(dir), { today: '2026-02-01' })).findings.filter((f) => f.rule === 'schema' || f.rule.startsWith('unknown'))).toEqual([]);
  });

  it('a refused user token is a located error (exit 2) that never prints the tokens', async () => {
    const r = await lac(['import', 'glpi', '--url', url], { cwd: repo(), env: { ...ENV, GLPI_USER_TOKEN: 'bad-user-tok' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`GLPI: ${url}/apirest.php/initSession answered 401: ERROR_GLPI_LOGIN_USER_TOKEN: parameter user_token seems invalid`);
    expect(r.stderr).not.toContain('bad-user-tok');
  });

  it('reads the license list CSV export (semicolons, de-DE amounts)', async () => {
    const csv = 'Name;Publisher;Number;Value;Date of purchase;Expiration\nOffice Std;Microsoft;4;"1.000,00 €";01.01.2026;31.12.2026\n';
    const dir = repo({ 'glpi.csv': csv });
    const r = await lac(['import', 'glpi', '--csv', 'glpi.csv', '--locale', 'de-DE'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'inventory/contracts/office-std-2026.yaml'), 'utf8')).toContain('currency: EUR\nstart: 2026-01-01\nend: 2026-12-31\nlines:\n  - { license: office-std, tier: standard, quantity: 4, unit_price: "250.00" }\n');
  });

  it('refuses plain http to another machine and names missing tokens, with where to set them', async () => {
    const http = await lac(['import', 'glpi', '--url', 'http://glpi.example.com'], { cwd: repo(), env: ENV });
    expect(http.code).toBe(2);
    expect(http.stderr).toContain('GLPI: --url must be an https URL, not http://glpi.example.com');
    const missing = await lac(['import', 'glpi', '--url', url], { cwd: repo(), env: { GLPI_APP_TOKEN: 'a' } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('GLPI: environment variable GLPI_USER_TOKEN is not set\n  hint: set GLPI_APP_TOKEN and GLPI_USER_TOKEN in the environment of `lac import`');
  });
});
