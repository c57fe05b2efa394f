import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { check } from '../../src/check/run.ts';
import { fsSource } from '../../src/inventory/source.ts';
import { cleanup, lac, tempRepo } from '../support/cli.ts';
import { ORG } from '../support/inventory.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(cleanup));

function repo(files: Record<string, string | Uint8Array>): string {
  const dir = tempRepo({ 'inventory/org.yaml': ORG, ...files });
  dirs.push(dir);
  return dir;
}

const MAPPING = `kind: flat
locale: en-US
columns: { person: Name, email: Email, product: Product, vendor: Vendor, tier: Tier, cost: Cost, renewal: Renewal date, since: Since }
`;

const FLAT = `Name,Email,Product,Vendor,Tier,Cost,Renewal date,Since
Ada Lovelace,ada@acme.example,Figma,"Figma, Inc.",Full,$540.00,03/01/2026,01/15/2025
Bob Byte,bob@acme.example,Figma,"Figma, Inc.",Full,$540.00,03/01/2026,01/15/2025
Bob Byte,bob@acme.example,Slack,Slack,Pro,"$87.50",11/30/2026,
`;

const importSheet = (dir: string, file: string, ...more: string[]) => lac(['import', 'spreadsheet', file, '--mapping', 'mapping.yaml', '--today', '2026-02-01', ...more], { cwd: dir });
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

describe('lac import spreadsheet', () => {
  it('imports a flat CSV into an inventory that passes lac check, with exact files', async () => {
    const dir = repo({ 'flat.csv': FLAT, 'mapping.yaml': MAPPING });
    const r = await importSheet(dir, 'flat.csv');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(read(dir, 'inventory/contracts/figma-2025.yaml')).toBe(`# yaml-language-server: $schema=../../schemas/contract.schema.json
id: figma-2025
vendor: figma-inc
title: Figma until 2026-02-28
currency: USD
start: 2025-03-01
end: 2026-02-28
lines:
  - { license: figma, tier: full, quantity: 2, unit_price: "540.00" }
`);
    expect(read(dir, 'inventory/assignments/figma.yaml')).toBe(`# yaml-language-server: $schema=../../schemas/assignments.schema.json
license: figma
seats:
  - { person: ada, tier: full, since: 2025-01-15 }
  - { person: bob, tier: full, since: 2025-01-15 }
`);
    expect(read(dir, 'inventory/licenses/slack.yaml')).toContain('tiers:\n  - { id: pro, name: Pro }\n');
    expect(read(dir, 'inventory/people.yaml')).toContain('  - { id: ada, name: Ada Lovelace, email: ada@acme.example, status: active }\n');
    const result = await check(fsSource(dir), { today: '2026-02-01' });
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('re-running changes nothing and duplicates nothing', async () => {
    const dir = repo({ 'flat.csv': FLAT, 'mapping.yaml': MAPPING });
    await importSheet(dir, 'flat.csv');
    const before = snapshot(dir);
    const again = await importSheet(dir, 'flat.csv');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('nothing to write');
    expect(snapshot(dir)).toEqual(before);
  });

  it('--dry-run prints the plan and writes nothing', async () => {
    const dir = repo({ 'flat.csv': FLAT, 'mapping.yaml': MAPPING });
    const r = await importSheet(dir, 'flat.csv', '--dry-run');
    expect(r.stdout).toContain('would write inventory/contracts/figma-2025.yaml');
    expect(existsSync(join(dir, 'inventory/contracts'))).toBe(false);
  });
});

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(path);
      else out[path] = read(dir, path);
    }
  };
  walk('inventory');
  return out;
}
void writeXlsxFile;
void writeFileSync;
