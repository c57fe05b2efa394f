import { readFileSync } from 'node:fs';
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
const run = (dir: string, file: string, ...more: string[]) => lac(['import', 'spreadsheet', file, '--mapping', 'mapping.yaml', '--today', '2026-02-01', ...more], { cwd: dir });
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

const DE = `kind: flat
locale: de-DE
columns: { person: Name, email: E-Mail, product: Software, tier: Edition, cost: Kosten, renewal: Verlängerung }
`;

describe('spreadsheet formats', () => {
  it('reads an .xlsx flat sheet (numbers and dates as cells) into an inventory that passes lac check', async () => {
    const bytes = await writeXlsxFile([
      ['Name', 'Email', 'Product', 'Tier', 'Cost', 'Renewal date'],
      ['Ada Lovelace', 'ada@acme.example', 'Miro', 'Business', 192.5, new Date(Date.UTC(2026, 8, 1))],
      ['Bob Byte', 'bob@acme.example', 'Miro', 'Business', 192.5, new Date(Date.UTC(2026, 8, 1))],
    ], { dateFormat: 'mm/dd/yyyy' } as never).toBuffer();
    const dir = repo({ 'seats.xlsx': bytes, 'mapping.yaml': 'kind: flat\nlocale: en-US\ncurrency: EUR\ncolumns: { person: Name, email: Email, product: Product, tier: Tier, cost: Cost, renewal: Renewal date }\n' });
    const r = await run(dir, 'seats.xlsx');
    expect(r.code).toBe(0);
    expect(read(dir, 'inventory/contracts/miro-2025.yaml')).toContain('currency: EUR\nstart: 2025-09-01\nend: 2026-08-31\nlines:\n  - { license: miro, tier: business, quantity: 2, unit_price: "192.5" }\n');
    expect((await check(fsSource(dir), { today: '2026-02-01' })).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('names an .xlsx cost cell that reads empty (a formula never calculated), so no price goes missing unseen', async () => {
    const bytes = await writeXlsxFile([
      ['Email', 'Product', 'Cost', 'Renewal'],
      ['ada@acme.example', 'Miro', 100, '2026-09-01'],
      ['bob@acme.example', 'Miro', { type: 'Formula', value: 'C2*2' }, '2026-09-01'],
    ] as never).toBuffer();
    const dir = repo({ 'f.xlsx': bytes, 'mapping.yaml': 'locale: en-US\ncurrency: EUR\ncolumns: { email: Email, product: Product, cost: Cost, renewal: Renewal }\n' });
    const r = await run(dir, 'f.xlsx');
    expect(r.stdout).toContain('ignored f.xlsx:3: cell C3 (Cost) is empty (or a formula without a saved value, or an error such as #DIV/0!): the seat is imported without a price');
  });

  it('reads the sheet the mapping names from a workbook of several', async () => {
    const bytes = await writeXlsxFile([
      { sheet: 'Read me', data: [['Notes'], ['nothing here']] },
      { sheet: 'Seats', data: [['Email', 'Product'], ['ada@acme.example', 'Notion']] },
    ] as never).toBuffer();
    const dir = repo({ 'book.xlsx': bytes, 'mapping.yaml': 'kind: seats\nlocale: en-US\nsheet: Seats\ncolumns: { email: Email, product: Product }\n' });
    const r = await run(dir, 'book.xlsx');
    expect(r.code).toBe(0);
    expect(read(dir, 'inventory/assignments/notion.yaml')).toContain('  - { person: ada, tier: standard, since: 2026-02-01 }\n');
  });

  it('reads de-DE amounts and dates (1.234,56 €, 01.03.2026) from a Windows-1252 file separated by semicolons', async () => {
    const text = 'Name;E-Mail;Software;Edition;Kosten;Verlängerung\r\nJörg Müller;joerg@acme.example;SolidWorks;Premium;1.234,56 €;01.03.2026\r\n';
    const cp1252 = encode1252(text);
    const dir = repo({ 'lizenzen.csv': cp1252, 'mapping.yaml': DE });
    const r = await run(dir, 'lizenzen.csv');
    expect(r.stdout).toContain('note: lizenzen.csv: not UTF-8: read as Windows-1252');
    expect(r.code).toBe(0);
    expect(read(dir, 'inventory/contracts/solidworks-2025.yaml')).toContain('currency: EUR\nstart: 2025-03-01\nend: 2026-02-28\nlines:\n  - { license: solidworks, tier: premium, quantity: 1, unit_price: "1234.56" }\n');
    expect(read(dir, 'inventory/people.yaml')).toContain('{ id: joerg, name: Jörg Müller,');
  });

  it('reads UTF-16 (Excel "Unicode text", tab-separated) and en-US $540.00 with 03/01/2026 as March 1st', async () => {
    const text = 'Name\tEmail\tProduct\tCost\tRenewal\nAda\tada@acme.example\tFigma\t"$1,540.00"\t03/01/2026\n';
    const dir = repo({ 'figma.csv': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'mapping.yaml': 'locale: en-US\ncolumns: { person: Name, email: Email, product: Product, cost: Cost, renewal: Renewal }\n' });
    const r = await run(dir, 'figma.csv');
    expect(r.code).toBe(0);
    expect(read(dir, 'inventory/contracts/figma-2025.yaml')).toContain('currency: USD\nstart: 2025-03-01\nend: 2026-02-28\nlines:\n  - { license: figma, tier: standard, quantity: 1, unit_price: "1540.00" }\n');
  });

  it('--guess proposes the mapping from common header names, below a title row', async () => {
    const dir = repo({ 'sheet.csv': 'Software inventory 2026,,,,,\nFull Name,E-mail,Application,Supplier,Plan,Annual cost,Renewal Date,Notes\n' });
    const r = await lac(['import', 'spreadsheet', 'sheet.csv', '--guess', '--locale', 'de-DE'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`# Proposed by \`lac import spreadsheet --guess\` from row 2 of sheet.csv: check each line, then import with --mapping.
# locale: how the sheet writes amounts and dates (de-DE: 1.234,56 € and 01.03.2026; en-US: $540.00 and 03/01/2026).
kind: flat
locale: de-DE
columns:
  person: Full Name
  email: E-mail
  product: Application
  vendor: Supplier
  tier: Plan
  cost: Annual cost
  renewal: Renewal Date
# Not mapped (no field lac imports has these names): "Notes"
`);
  });
});

describe('bad input: read correctly or refused with the row and cell named', () => {
  const MAP = 'locale: en-US\ncurrency: USD\ncolumns: { person: Name, email: Email, product: Product, cost: Cost, renewal: Renewal }\n';
  it('skips a merged title row, blank rows and a totals row; refuses a formula and an amount in another locale by cell', async () => {
    const csv = [
      'Licenses 2026,,,,',
      'Name,Email,Product,Cost,Renewal',
      'Ada,ada@acme.example,Figma,540.00,03/01/2026',
      ',,,,',
      '',
      'Bob,bob@acme.example,Figma,=D3*1,03/01/2026',
      'Cy,cy@acme.example,Figma,"1.234,56",03/01/2026',
      'Dee,dee@acme.example,Figma,540.00,31/12/2026',
      'Total,,,"=SUM(D3:D8)",',
    ].join('\n');
    const dir = repo({ 'sheet.csv': csv, 'mapping.yaml': MAP });
    const r = await run(dir, 'sheet.csv');
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter((l) => /^(ignored|not imported)/.test(l))).toEqual([
      'ignored sheet.csv:1: above the header row 2 (a title or merged header): "Licenses 2026"',
      'ignored sheet.csv:9: a totals row: not a record',
      'not imported sheet.csv:6: cell D6 (Cost) holds the formula "=D3*1", not its value; export the sheet with values (in Excel: copy, Paste Special > Values) and import again',
      'not imported sheet.csv:7: cell D7 (Cost) "1.234,56" does not read as an amount in en-US (thousands ",", decimals ".")',
      'not imported sheet.csv:8: cell E8 (Renewal) "31/12/2026" is not a date in MM/DD/YYYY (locale en-US) or YYYY-MM-DD',
    ]);
    expect(read(dir, 'inventory/contracts/figma-2025.yaml')).toContain('quantity: 1, unit_price: "540.00"');
  });

  it('refuses a sheet whose header is not in its first rows, naming what the first row reads', async () => {
    const dir = repo({ 'sheet.csv': 'a,b\n1,2\n', 'mapping.yaml': MAP });
    const r = await run(dir, 'sheet.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sheet.csv: no row in the first 10 holds the headers "Name", "Email", "Product", "Cost", "Renewal"; row 1 reads "a", "b"');
  });

  it('shows slug collisions: two products that slug alike, two people with the same mailbox name', async () => {
    const csv = 'Name,Email,Product\nAda,ada@acme.example,Office 365\nAda B,ada@other.example,Office-365\n';
    const dir = repo({ 'sheet.csv': csv, 'mapping.yaml': 'locale: en-US\ncolumns: { person: Name, email: Email, product: Product }\n' });
    const r = await run(dir, 'sheet.csv');
    expect(r.stdout).toContain('collision: vendor "Office-365": the ID office-365 is taken by vendor "Office 365", so it is written as office-365-2');
    expect(r.stdout).toContain('collision: license "Office-365": the ID office-365 is taken by license "Office 365", so it is written as office-365-2');
    expect(r.stdout).toContain('collision: person "ada@other.example": the ID ada is taken by ada@acme.example, so it is written as ada-2');
    expect((await check(fsSource(dir), { today: '2026-02-01' })).findings.filter((f) => f.rule === 'schema' || f.rule.startsWith('unknown'))).toEqual([]);
  });
});

/** Windows-1252 bytes of text (Latin-1 range plus €), as Excel on Windows saves "CSV". */
function encode1252(text: string): Buffer {
  return Buffer.from([...text].map((c) => (c === '€' ? 0x80 : c.charCodeAt(0))));
}

describe('mistakes in the command or the mapping', () => {
  it('asks for a mapping, and names a mapping without a locale', async () => {
    const dir = repo({ 's.csv': 'Email,Product\na@b.example,X\n', 'mapping.yaml': 'columns: { email: Email, product: Product }\n' });
    const none = await lac(['import', 'spreadsheet', 's.csv'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('a spreadsheet import needs a column mapping: --mapping FILE');
    expect(none.stderr).toContain('lac import spreadsheet s.csv --guess > mapping.yaml');
    const noLocale = await lac(['import', 'spreadsheet', 's.csv', '--mapping', 'mapping.yaml'], { cwd: dir });
    expect(noLocale.code).toBe(2);
    expect(noLocale.stderr).toContain('mapping.yaml: states no `locale:`');
    const withLocale = await lac(['import', 'spreadsheet', 's.csv', '--mapping', 'mapping.yaml', '--locale', 'en-US', '--dry-run'], { cwd: dir });
    expect(withLocale.code).toBe(0);
  });

  it('refuses an .xls workbook with what to do', async () => {
    const dir = repo({ 'old.xls': 'x', 'mapping.yaml': 'locale: en-US\ncolumns: { email: Email, product: Product }\n' });
    const r = await lac(['import', 'spreadsheet', 'old.xls', '--mapping', 'mapping.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('old.xls: lac reads .csv and .xlsx spreadsheets');
  });
});
