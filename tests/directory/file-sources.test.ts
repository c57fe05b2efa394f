// HR exports and SCIM files. Preset column names: BambooHR's employee fields as Workato's
// BambooHR connector documents them (docs.workato.com/connectors/bamboo-hr: "Employee ID",
// "Work Email", "Job title", "Supervisor ID"), and Workday's "Worker Data" custom report as
// faros-ai/airbyte-connectors' workday-source README lists it (Employee_ID, Full_Name, Email,
// Manager_ID, Team_Name, Start_Date, Termination_Date). SCIM: RFC 7643 §4.1 and §4.3.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hrCsvDirectory } from '../../src/directory/hr-csv/index.ts';
import { scimJsonDirectory } from '../../src/directory/scim-json/index.ts';
import { tempRepo } from '../support/cli.ts';
import { context, rejection } from '../usage/helpers.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function file(name: string, text: string): string {
  const dir = tempRepo({ [name]: text });
  dirs.push(dir);
  return join(dir, name);
}

describe('hr-csv directory source', () => {
  it('reads a BambooHR export with the bamboohr preset; a past termination date makes a leaver, a future one is kept as the end', async () => {
    const path = file('bamboo.csv', [
      'Employee ID,First name,Last name,Work Email,Department,Job title,Supervisor ID,Hire date,Termination date,Status',
      '101,Ada,Lovelace,Ada@Example.com,Engineering,"Engineer, Platform",102,2020-01-06,,Active',
      '102,Bob,Stone,bob@example.com,Sales,Account Executive,,2019-05-01,2027-01-31,Active',
      '103,Cy,Young,cy@example.com,Sales,SDR,102,2021-02-01,2026-10-31,Inactive',
    ].join('\n'));
    const result = await hrCsvDirectory().pull(context({ path, preset: 'bamboohr' }, {}));
    // A Status column records leave, so its "Active" can end one.
    expect(result.entries.every((e) => e.knowsLeave === true)).toBe(true);
    expect(result.entries.map(({ where: _w, knowsLeave: _k, ...e }) => e)).toEqual([
      { directoryId: '101', email: 'ada@example.com', name: 'Ada Lovelace', department: 'Engineering', title: 'Engineer, Platform', manager: '102', status: 'active', start: '2020-01-06' },
      { directoryId: '102', email: 'bob@example.com', name: 'Bob Stone', department: 'Sales', title: 'Account Executive', status: 'active', start: '2019-05-01', end: '2027-01-31' },
      { directoryId: '103', email: 'cy@example.com', name: 'Cy Young', department: 'Sales', title: 'SDR', manager: '102', status: 'leaver', start: '2021-02-01', end: '2026-10-31' },
    ]);
    expect(result.entries[0]!.where).toMatch(/bamboo\.csv:2$/);
  });

  it('reads a Workday Worker Data report with the workday preset and US dates, a column overridden', async () => {
    const path = file('workday.csv', 'Employee_ID,Full_Name,Work_Email,Team_Name,Manager_ID,Start_Date,Termination_Date\nW-1,Ada Lovelace,ada@example.com,Engineering,W-2,01/06/2020,\n');
    const result = await hrCsvDirectory().pull(context({ path, preset: 'workday', date_format: 'MM/DD/YYYY', columns: { email: 'Work_Email' } }, {}));
    expect(result.entries.map(({ where: _w, ...e }) => e)).toEqual([{ directoryId: 'W-1', email: 'ada@example.com', name: 'Ada Lovelace', department: 'Engineering', manager: 'W-2', status: 'active', start: '2020-01-06' }]);
  });

  it('names the missing columns and the line of a bad date', async () => {
    const missing = await rejection(hrCsvDirectory().pull(context({ path: file('a.csv', 'Employee ID,Email\n1,a@example.com\n'), preset: 'bamboohr' }, {})));
    expect(missing.message).toMatch(/a\.csv:1: no column "First name", "Last name", "Work Email"/);
    const bad = await rejection(hrCsvDirectory().pull(context({ path: file('b.csv', 'id,mail,from\n1,a@example.com,31/12/2020\n'), columns: { directory_id: 'id', email: 'mail', start: 'from' } }, {})));
    expect(bad.message).toMatch(/b\.csv:2: from "31\/12\/2020" is not a date in the iso format/);
  });
});

describe('scim-json directory source', () => {
  it('reads a SCIM ListResponse with the enterprise extension; active false is a leaver', async () => {
    const doc = {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 2,
      Resources: [
        {
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
          id: '2819c223', externalId: 'E-1', userName: 'ada@example.com', displayName: 'Ada Lovelace', title: 'Engineer', active: true,
          emails: [{ value: 'ada@example.com', type: 'work', primary: true }, { value: 'ada@old.example', type: 'other' }],
          'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Engineering', costCenter: 'CC-100', manager: { value: 'E-2', displayName: 'Bob' } },
        },
        { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], id: 'x2', userName: 'bob@example.com', name: { givenName: 'Bob', familyName: 'Stone' }, active: false },
      ],
    };
    const result = await scimJsonDirectory().pull(context({ path: file('users.json', JSON.stringify(doc)) }, {}));
    expect(result.entries.map(({ where: _w, ...e }) => e)).toEqual([
      { directoryId: 'E-1', email: 'ada@example.com', aliases: ['ada@old.example'], name: 'Ada Lovelace', department: 'Engineering', title: 'Engineer', costCentre: 'CC-100', manager: 'E-2', status: 'active' },
      { directoryId: 'x2', email: 'bob@example.com', name: 'Bob Stone', status: 'leaver' },
    ]);
  });
});
