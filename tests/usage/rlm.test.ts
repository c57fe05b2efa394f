import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rlmConnector } from '../../src/usage/rlm/index.ts';
import { context, expectFitsSnapshot } from './helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'lac-rlm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, lines: string[]) => {
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
};
const pull = (file: string) => rlmConnector().pull(context({ path: file }, {}, { features: { cadpro: 'professional', cadsim: 'simulation' } }));

// Record shapes from the RLM License Administration Guide (Reprise), "Reportlog File Format":
// log file start (START host mm/dd/yyyy hh:mm), checkout (std: OUT product version pool# user
// host "isv_def" count cur_use cur_resuse server_handle share_handle process_id "project"
// "requested product" "requested version" mm/dd hh:mm:ss), checkin (IN why product version user
// host "isv_def" count cur_use cur_resuse server_handle mm/dd hh:mm:ss), license denial (DENY
// product version user host "isv_def" count why last_attempt mm/dd hh:mm), license in use
// (INUSE ..., at the start and at the end of a log), periodic TIMESTAMP, SHUTDOWN and END.
const REPORTLOG = [
  'RLM Report Log Format 0, version 14.2 authenticated',
  'ISV: cadvendor, RLM version 14.2 BL2',
  'This reportlog was written by the cadvendor ISV server.',
  'START lic1 03/04/2024 08:00',
  'TIMEZONE 0 0 # UTC',
  'LICENSE FILE /opt/rlm/cad.lic',
  'PRODUCT cadpro 1.0 1 5 0 0 "" "" "" "" "" "" 0 0 0 0 0 0 0 0 0',
  'INUSE cadpro 1.0 1 alice pc-alice "" 1 a1 1f2 03/04 08:00:00',
  'OUT cadpro 1.0 1 bob pc-bob "" 1 2 0 b2 0 2a3 "" "" "" 03/04 09:00:00',
  'DENY cadpro 1.0 carol pc-carol "" 1 -22 0 03/04 09:05',
  'DENY cadpro 1.0 carol pc-carol "" 1 -22 1 03/04 09:06',
  'IN 1 cadpro 1.0 bob pc-bob "" 1 1 0 b2 03/04 11:00:00',
  'TIMESTAMP 03/05/2024 00:00',
  'OUT cadpro 1.0 1 bob pc-bob "" 1 2 0 b3 0 2a3 "" "" "" 03/05 09:00:00',
  'XYZZY an unknown record',
  'SHUTDOWN admin lic1 03/05 10:00:00',
  'START lic1 03/05/2024 10:05',
  // Handles start again after a restart: b2 is a new checkout.
  'OUT cadpro 1.0 1 dave pc-dave "" 1 1 0 b2 0 3a1 "" "" "" 03/05 11:00:00',
  'OUT cadpro 1.0 1 erin pc-erin "" 1 2 0 c1 0 3a2 "" "" "" 03/05 11:10:00',
  'IN 1 cadpro 1.0 dave pc-dave "" 1 1 0 b2 03/05 11:30:00',
  // The INUSE records at the end of a log repeat seats already out: counted once.
  'INUSE cadpro 1.0 1 erin pc-erin "" 1 c1 3a2 03/05 12:00:00',
  'END 03/05/2024 12:00',
];

describe('rlm report log', () => {
  it('counts peaks, seat-hours, users and final denials; a shutdown ends the seats out and handles restart', async () => {
    const file = write('cadvendor.rl', REPORTLOG);
    const result = await pull(file);
    expect(result.peaks).toEqual([
      // alice from 8:00 (INUSE) to midnight, bob 9:00-11:00; carol's first denial was retried, her second was final.
      { date: '2024-03-04', tier: 'professional', in_use: 2, hours: 18, users: 2, denials: 1 },
      { date: '2024-03-04', tier: 'simulation', in_use: 0, hours: 0, users: 0, denials: 0 },
      // alice 0:00-10:00 and bob 9:00-10:00 (shutdown), dave 11:00-11:30, erin 11:10-12:00 (END).
      { date: '2024-03-05', tier: 'professional', in_use: 2, hours: 12.3, users: 4, denials: 0 },
      { date: '2024-03-05', tier: 'simulation', in_use: 0, hours: 0, users: 0, denials: 0 },
    ]);
    expect(result.accounts.map((a) => `${a.account} ${a.last_active}`)).toEqual(['alice 2024-03-05', 'bob 2024-03-05', 'dave 2024-03-05', 'erin 2024-03-05']);
    expect(result.warnings).toEqual([
      `rlm: 1 line not counted: ${file}:15 (a record lac does not know (XYZZY))`,
      'rlm: 2 seats were out when the server restarted; counted up to its last line before the restart',
    ]);
    expectFitsSnapshot(result, 'rlm');
  });

  it('reads the small format: hh:mm records take their day from the last dated record', async () => {
    const file = write('small.rl', [
      'RLM Report Log Format 1, version 14.2 authenticated',
      'START lic1 03/04/2024 08:00',
      'OUT cadpro 1.0 bob pc-bob "" 2 b1 0 09:00',
      'IN 1 2 b1 10:30',
      'TIMESTAMP 03/05/2024 00:00',
      'OUT cadpro 1.0 ann pc-ann "" 1 b2 0 08:15',
      'IN 1 1 b2 08:45',
    ]);
    const result = await pull(file);
    expect(result.peaks?.filter((p) => p.tier === 'professional')).toEqual([
      { date: '2024-03-04', tier: 'professional', in_use: 2, hours: 3, users: 1, denials: 0 },
      { date: '2024-03-05', tier: 'professional', in_use: 1, hours: 0.5, users: 1, denials: 0 },
    ]);
    expect(result.warnings).toEqual([]);
    const since = await rlmConnector().pull(context({ path: file }, {}, { features: { cadpro: 'professional' }, since: '2024-03-05' }));
    expect(since.peaks?.map((p) => p.date)).toEqual(['2024-03-05']);
  });

  it('takes the year of mm/dd records from the last dated record, into the next year in January', async () => {
    const file = write('newyear.rl', [
      'RLM Report Log Format 0, version 14.2 authenticated',
      'START lic1 12/31/2024 23:00',
      'OUT cadsim 1.0 1 bob pc-bob "" 1 1 0 b1 0 2a3 "" "" "" 12/31 23:30:00',
      'IN 1 cadsim 1.0 bob pc-bob "" 1 0 0 b1 01/01 00:30:00',
    ]);
    const result = await pull(file);
    expect(result.peaks?.filter((p) => p.tier === 'simulation')).toEqual([
      { date: '2024-12-31', tier: 'simulation', in_use: 1, hours: 0.5, users: 1, denials: 0 },
      { date: '2025-01-01', tier: 'simulation', in_use: 1, hours: 0.5, users: 1, denials: 0 },
    ]);
  });
});

// The example output of `rlmutil rlmstat -a` in the RLM License Administration Guide ("rlmstat").
const rlmstat = (up: string, inuse: number, users: string[]) => [
  'rlmstat v14.2',
  'Copyright (C) 2006-2021, Reprise Software, Inc. All rights reserved.',
  '',
  `\trlm status on lic1 (port 5053), up ${up}`,
  '\trlm software version v14.2 (build:2)',
  '\trlm comm version: v1.2',
  '\tStartup time: Mon Mar  4 08:00:00 2024',
  '',
  '\tcadvendor license pool status on lic1 (port 36582)',
  '',
  '\t    cadpro v1.0',
  `\t\tcount: 5, # reservations: 0, inuse: ${inuse}, exp: permanent`,
  '\t\tobsolete: 0, min_remove: 120, total checkouts: 12',
  '',
  '\tcadvendor license usage status on lic1 (port 36582)',
  '',
  ...users.map((u, i) => `\t    cadpro v1.0: ${u}@pc-${u} 1/0 at 03/04 09:0${i}  (handle: 4${i})`),
  '',
];

describe('rlm rlmstat', () => {
  it('takes the moment from startup time plus uptime and the in-use count from the pools', async () => {
    const file = write('rlmstat.txt', [...rlmstat('02:00:00', 2, ['alice', 'bob']), ...rlmstat('05:30:00', 3, ['alice', 'bob', 'carol']), ...rlmstat('1+02:00:00', 1, ['dave'])]);
    const result = await pull(file);
    expect(result.peaks).toEqual([
      { date: '2024-03-04', tier: 'professional', in_use: 3, users: 3 },
      { date: '2024-03-05', tier: 'professional', in_use: 1, users: 1 },
    ]);
    expect(result.accounts.map((a) => `${a.account} ${a.last_active}`)).toEqual(['alice 2024-03-04', 'bob 2024-03-04', 'carol 2024-03-04', 'dave 2024-03-05']);
    expect(result.warnings).toEqual([]);
    expectFitsSnapshot(result, 'rlm');
  });
});
