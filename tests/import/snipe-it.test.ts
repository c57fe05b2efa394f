// The fake serves the shapes of the Snipe-IT API reference (snipe-it.readme.io, "Licenses",
// "License seats", "Users"), as Snipe-IT's own transformers build them
// (app/Http/Transformers/LicensesTransformer.php, LicenseSeatsTransformer.php): `{ total, rows }`,
// paged with limit and offset, `Authorization: Bearer <token>`, text HTML-escaped by e().
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/check/run.ts';
import { fsSource } from '../../src/inventory/source.ts';
import { cleanup, lac, tempRepo } from '../support/cli.ts';
import { ORG } from '../support/inventory.ts';

const TOKEN = 'snipe-token-123';
const LICENSES = [
  { id: 1, name: 'Adobe Acrobat Pro', manufacturer: { id: 3, name: 'Adobe' }, supplier: { id: 9, name: 'SoftwareOne' }, seats: 2, purchase_cost: '€480.00', purchase_cost_numeric: '480.00', purchase_date: { date: '2025-07-01', formatted: '07/01/2025' }, expiration_date: { date: '2026-06-30', formatted: '06/30/2026' }, order_number: 'SO-881' },
  { id: 2, name: 'AutoCAD LT', manufacturer: { id: 4, name: 'Autodesk &amp; Co' }, supplier: null, seats: 3, purchase_cost: '€1,000.00', purchase_cost_numeric: '1000.00', purchase_date: { date: '2025-01-01', formatted: '' }, expiration_date: null, order_number: null },
];
const SEATS: Record<number, unknown[]> = {
  1: [
    { id: 11, license_id: 1, assigned_user: { id: 100, name: 'Ada Lovelace', email: 'ada@acme.example' }, assigned_asset: null },
    { id: 12, license_id: 1, assigned_user: { id: 101, name: 'Bob Byte', email: '' }, assigned_asset: null },
  ],
  2: [
    { id: 21, license_id: 2, assigned_user: null, assigned_asset: { id: 7, name: 'CAD-WS-01' } },
    { id: 22, license_id: 2, assigned_user: null, assigned_asset: null },
    { id: 23, license_id: 2, assigned_user: { id: 100, name: 'Ada Lovelace', email: 'ada@acme.example' }, assigned_asset: null },
  ],
};
const USERS = [{ id: 100, name: 'Ada Lovelace', email: 'ada@acme.example' }, { id: 101, name: 'Bob Byte', email: '' }];

let server: Server;
let url = '';
const requests: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    requests.push(`${u.pathname}?${u.searchParams}`);
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      // Echoes what it was sent, as a careless proxy might: lac's redaction must hide it.
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'error', messages: `Unauthenticated. (got ${req.headers.authorization?.slice(7)})` }));
      return;
    }
    const all = u.pathname === '/api/v1/licenses' ? LICENSES : u.pathname === '/api/v1/users' ? USERS : SEATS[Number(/licenses\/(\d+)\/seats/.exec(u.pathname)?.[1])];
    if (!all) return void res.writeHead(404).end();
    // Pages of two rows whatever the limit asks, as a server with a low max_results would do.
    const offset = Number(u.searchParams.get('offset'));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ total: all.length, rows: all.slice(offset, offset + 2) }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(cleanup));

describe('lac import snipe-it', () => {
  it('reads licenses, seats (paged) and users from the API into an inventory that passes lac check; seats it cannot map are listed', async () => {
    const dir = tempRepo({ 'inventory/org.yaml': ORG });
    dirs.push(dir);
    requests.length = 0;
    const r = await lac(['import', 'snipe-it', '--url', url, '--today', '2026-02-01'], { cwd: dir, env: { SNIPEIT_API_TOKEN: TOKEN } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(requests).toContain('/api/v1/licenses/2/seats?limit=500&offset=2');
    expect(r.stdout).toContain('not imported Snipe-IT license 1 seat 12: held by "Bob Byte" without an email address');
    expect(r.stdout).toContain('not imported Snipe-IT license 2 seat 21: checked out to the asset "CAD-WS-01"');
    expect(r.stdout).toContain('not imported Snipe-IT license 2 "AutoCAD LT": the purchase cost 1000.00 EUR is not an exact price per seat over 3 seats');
    expect(readFileSync(join(dir, 'inventory/contracts/adobe-acrobat-pro-2025.yaml'), 'utf8')).toContain('vendor: adobe\ntitle: Adobe Acrobat Pro until 2026-06-30\ncurrency: EUR\nstart: 2025-07-01\nend: 2026-06-30\norder_number: SO-881\nlines:\n  - { license: adobe-acrobat-pro, tier: standard, quantity: 2, unit_price: "240.00" }\n');
    expect(readFileSync(join(dir, 'inventory/vendors/autodesk-co.yaml'), 'utf8')).toContain('name: Autodesk & Co\n');
    const errors = (await check(fsSource(dir), { today: '2026-02-01' })).findings.filter((f) => f.rule === 'schema' || f.rule.startsWith('unknown'));
    expect(errors).toEqual([]);
    const again = await lac(['import', 'snipe-it', '--url', url, '--today', '2026-03-01'], { cwd: dir, env: { SNIPEIT_API_TOKEN: TOKEN } });
    expect(again.stdout).toContain('nothing to write');
  });

  it('a refused token is a located error; the token, even echoed by the server, is redacted', async () => {
    const dir = tempRepo({ 'inventory/org.yaml': ORG });
    dirs.push(dir);
    const r = await lac(['import', 'snipe-it', '--url', url], { cwd: dir, env: { SNIPEIT_API_TOKEN: 'wrong-token-456' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Snipe-IT: ${url}/api/v1/users answered 401: Unauthenticated. (got `);
    expect(r.stderr).not.toContain('wrong-token-456');
    expect(r.stderr).toContain('(got [redacted])');
  });

  it('reads the license list CSV export', async () => {
    const csv = 'ID,Name,Product Key,Expiration Date,Manufacturer,Total,Available,Purchase Cost,Purchase Date,Order Number\n5,Visio Plan 2,xxxx,06/30/2026,Microsoft,4,1,"$720.00",07/01/2025,PO-5\n6,Bad Row,,13/45/2026,Microsoft,2,2,10.00,,\n';
    const dir = tempRepo({ 'inventory/org.yaml': ORG, 'licenses.csv': csv });
    dirs.push(dir);
    const r = await lac(['import', 'snipe-it', '--csv', 'licenses.csv'], { cwd: dir });
    expect(r.stdout).toContain('not imported licenses.csv:3: cell D3 (Expiration Date) "13/45/2026" is not a date');
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'inventory/contracts/visio-plan-2-2025.yaml'), 'utf8')).toContain('currency: USD\nstart: 2025-07-01\nend: 2026-06-30\norder_number: PO-5\nlines:\n  - { license: visio-plan-2, tier: standard, quantity: 4, unit_price: "180.00" }\n');
  });
});
