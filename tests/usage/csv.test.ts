import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvConnector } from '../../src/usage/csv/index.ts';
import { ConnectorError } from '../../src/usage/types.ts';
import { context, rejection, expectFitsSnapshot } from './helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'lac-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};
const columns = { account: 'User Email', name: 'Name', last_active: 'Last Seen', tier: 'Plan', status: 'Status' };
const pull = (config: Record<string, unknown>) => csvConnector().pull(context(config, {}));

describe('csv import', () => {
  it('reads a BOM, CRLF export with quoted commas and line breaks, US dates and a tier map', async () => {
    const file = write(
      'figma.csv',
      '\uFEFFUser Email,Name,Plan,Last Seen,Status\r\n' +
        'ada@example.com,"Lovelace, Ada",Full seat,11/18/2026,Active\r\n' +
        'bob@example.com,"Bob ""The Builder""\nStone",Dev seat,Never,Active\r\n' +
        'cy@example.com,Cy Young,Collab seat,,Deactivated\r\n' +
        'dee@example.com,Dee Park,Full seat,03/01/2026 09:30,Pending\r\n' +
        '\r\n',
    );
    const result = await pull({
      path: file,
      columns,
      date_format: 'MM/DD/YYYY',
      tiers: { 'Full seat': 'full', 'Dev seat': 'dev', 'Collab seat': 'collab' },
    });
    expect(result.accounts).toEqual([
      { account: 'ada@example.com', name: 'Lovelace, Ada', tier: 'full', status: 'active', last_active: '2026-11-18' },
      // A line break inside a quoted cell is kept by the parser; the snapshot gets one line per account.
      { account: 'bob@example.com', name: 'Bob "The Builder" Stone', tier: 'dev', status: 'active', last_active: null },
      { account: 'cy@example.com', name: 'Cy Young', tier: 'collab', status: 'deactivated', last_active: null },
      { account: 'dee@example.com', name: 'Dee Park', tier: 'full', status: 'invited', last_active: '2026-03-01' },
    ]);
    expect(result.warnings).toEqual([]);
    expectFitsSnapshot(result, 'csv');
  });

  it('reads European dates, epoch seconds and milliseconds, and numeric signals', async () => {
    const eu = write('eu.csv', 'email,seen,edits\na@x.com,01/02/2026,"1,204"\nb@x.com,31.12.2025,0\n');
    const euResult = await pull({ path: eu, columns: { account: 'email', last_active: 'seen' }, date_format: 'DD/MM/YYYY', signals: { edits_90d: 'edits' } });
    expect(euResult.accounts).toEqual([
      { account: 'a@x.com', last_active: '2026-02-01', signals: { edits_90d: 1204 } },
      { account: 'b@x.com', last_active: '2025-12-31', signals: { edits_90d: 0 } },
    ]);
    const epoch = write('epoch.csv', 'id,last\nu1,1763510400\nu2,0\n');
    expect((await pull({ path: epoch, columns: { account: 'id', last_active: 'last' }, date_format: 'epoch_s' })).accounts).toEqual([
      { account: 'u1', last_active: '2025-11-19' },
      { account: 'u2', last_active: null },
    ]);
    const ms = write('ms.csv', 'id,last\nu1,1763510400123\n');
    expect((await pull({ path: ms, columns: { account: 'id', last_active: 'last' }, date_format: 'epoch_ms' })).accounts).toEqual([
      { account: 'u1', last_active: '2025-11-19' },
    ]);
  });

  it('names the file, the missing column and the columns found', async () => {
    const file = write('renamed.csv', 'Email Address,Plan,Last Active\na@x.com,Pro,2026-01-01\n');
    const error = await rejection(pull({ path: file, columns }));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.message).toBe(`${file}:1: no column "User Email", "Name", "Last Seen", "Status"; the columns found are "Email Address", "Plan", "Last Active"`);
    expect(error.hint).toMatch(/usage\.config\.columns/);
  });

  it('names the line of a date that does not fit the format', async () => {
    const file = write('baddate.csv', 'email,seen\na@x.com,2026-01-05\nb@x.com,13/45/2026\n');
    const error = await rejection(pull({ path: file, columns: { account: 'email', last_active: 'seen' } }));
    expect(error.message).toBe(
      `${file}:3: "13/45/2026" in column "seen" is not a iso date; set usage.config.date_format to one of iso, MM/DD/YYYY, DD/MM/YYYY, epoch_s, epoch_ms, or list the value in usage.config.never`,
    );
  });

  it('names the line of a tier value missing from the tier map, counting quoted line breaks', async () => {
    const file = write('tier.csv', 'email,note,plan\na@x.com,"two\nlines",Pro\nb@x.com,x,Enterprise\n');
    const error = await rejection(pull({ path: file, columns: { account: 'email', tier: 'plan' }, tiers: { Pro: 'pro' } }));
    expect(error.message).toBe(`${file}:4: tier value "Enterprise" (column "plan") is not in usage.config.tiers; add it, e.g. \`"Enterprise": <tier-id>\` (known: "Pro")`);
  });

  it('reports an unclosed quote and a missing file clearly', async () => {
    const file = write('open.csv', 'email,name\na@x.com,"Ada\nb@x.com,Bob\n');
    const error = await rejection(pull({ path: file, columns: { account: 'email' } }));
    expect(error.message).toBe(`${file}:2: a quoted field opened on line 2 is never closed`);
    const missing = await rejection(pull({ path: 'usage/exports/nope.csv', columns: { account: 'email' } }));
    expect(missing.message).toBe('CSV import: cannot read usage/exports/nope.csv: no such file');
  });

  it('reads semicolon-separated UTF-16 exports and says when the delimiter looks wrong', async () => {
    const text = '\uFEFFE-Mail;Zuletzt aktiv;Lizenz\r\nada@example.com;18.11.2026;Pro\r\n';
    const file = path.join(dir, 'utf16.csv');
    writeFileSync(file, Buffer.from(text, 'utf16le'));
    const config = { path: file, columns: { account: 'E-Mail', last_active: 'Zuletzt aktiv', tier: 'Lizenz' }, date_format: 'DD/MM/YYYY' };
    const result = await pull({ ...config, delimiter: ';' });
    expect(result.accounts).toEqual([{ account: 'ada@example.com', tier: 'Pro', last_active: '2026-11-18' }]);
    const error = await rejection(pull(config));
    expect(error.message).toBe(`${file}:1: no column "E-Mail", "Zuletzt aktiv", "Lizenz"; the columns found are "E-Mail;Zuletzt aktiv;Lizenz"`);
    expect(error.hint).toBe('The header has one column: the file looks separated by semicolons or tabs; set usage.config.delimiter.');
  });

  it('accepts short rows and trailing empty cells, and names the line of an unquoted comma', async () => {
    const ok = write('ragged.csv', 'email,plan,seen\na@x.com,Pro\nb@x.com,Pro,2026-01-01,,\n');
    const result = await pull({ path: ok, columns: { account: 'email', tier: 'plan', last_active: 'seen' } });
    expect(result.accounts).toEqual([
      { account: 'a@x.com', tier: 'Pro', last_active: null },
      { account: 'b@x.com', tier: 'Pro', last_active: '2026-01-01' },
    ]);
    const bad = write('comma.csv', 'email,name,seen\na@x.com,Lovelace, Ada,2026-01-01\n');
    const error = await rejection(pull({ path: bad, columns: { account: 'email', last_active: 'seen' } }));
    expect(error.message).toBe(`${bad}:2: 4 cells, but the header has 3`);
  });

  it('refuses signal names the snapshot schema would reject', async () => {
    const error = await rejection(pull({ path: 'x.csv', columns: { account: 'Email' }, signals: { 'Edits 90d': 'Edits' } }));
    expect(error.message).toBe('CSV import: usage.config.signals: "Edits 90d" is not a signal name');
  });

  it('asks for the account column when the mapping has none', async () => {
    const error = await rejection(pull({ path: 'x.csv', columns: { email: 'Email' } }));
    expect(error.message).toBe('CSV import: usage.config.columns.account is missing');
  });
});
