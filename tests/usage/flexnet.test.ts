import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { flexnetConnector } from '../../src/usage/flexnet/index.ts';
import { ConnectorError } from '../../src/usage/types.ts';
import { context, expectFitsSnapshot, rejection } from './helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'lac-flexnet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, lines: string[]) => {
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
};
const features = { solidworks: 'professional', swpremium: 'premium' };
const pull = (file: string, extra: Record<string, unknown> = {}) => flexnetConnector().pull(context({ path: file, ...extra }, {}, { features }));

// Line shapes from the FlexNet Publisher License Administration Guide (Revenera, 2024/2025):
// "Debug Log Messages" (hh:mm:ss (daemon) message) and "Informational Messages" (OUT:, IN:,
// DENIED: with the -4 "Licensed number of users already reached" error, UNSUPPORTED:, TIMESTAMP).
const LOG = [
  ' 8:59:58 (lmgrd) -----------------------------------------------',
  ' 8:59:58 (lmgrd)   Please Note:',
  ' 8:59:58 (lmgrd) FlexNet Licensing (v11.19.0.0 build 283773 x64_lsb) started on lic1 (linux) (3/4/2024)',
  ' 9:00:00 (SW_D) Server started on lic1 for:\tsolidworks\tswpremium',
  ' 9:00:05 (SW_D) TIMESTAMP 3/4/2024',
  ' 9:10:00 (SW_D) OUT: "solidworks" alice@pc-alice',
  ' 9:20:00 (SW_D) OUT: "swpremium" bob@pc-bob  (2 licenses)',
  ' 9:30:00 (MLM) OUT: "MATLAB" carol@ws7',
  ' 9:40:00 (SW_D) DENIED: "swpremium" dave@pc-dave  (Licensed number of users already reached. (-4,342:104 "Connection reset by peer"))',
  ' 9:41:00 (SW_D) DENIED: "swpremium" erin@pc-erin  (User/host on EXCLUDE list for feature. (-38,349))',
  ' 9:42:00 (SW_D) UNSUPPORTED: "swultimate" (PORT_AT_HOST_PLUS   ) frank@pc-frank  (License server system does not support this feature. (-18,327:10009 ""))',
  ' 9:43:00 (SW_D) OUT:  garbled',
  '10:10:00 (SW_D) IN: "solidworks" alice@pc-alice',
  '23:00:00 (SW_D) OUT: "solidworks" alice@pc-alice',
  // No TIMESTAMP line since 3/4: a time earlier than the last one is the next day.
  ' 1:00:00 (SW_D) IN: "solidworks" alice@pc-alice',
  ' 6:00:00 (lmgrd) TIMESTAMP 3/5/2024',
  ' 9:00:00 (SW_D) IN: "swpremium" bob@pc-bob  (2 licenses)',
  ' 9:05:00 (SW_D) IN: "solidworks" zoe@pc-zoe',
  '10:00:00 (SW_D) OUT: "solidworks" alice@pc-alice',
  '10:00:00 (SW_D) OUT: solidworks carol@pc-carol  (1 license)',
  '11:00:00 (SW_D) EXITING DUE TO SIGNAL 15 (Exit reason 2)',
  // The restart banner says 8:00 though the last line said 11:00: time went backwards.
  ' 8:00:00 (lmgrd) FlexNet Licensing (v11.19.0.0 build 283773 x64_lsb) started on lic1 (linux) (3/5/2024)',
  '12:00:00 (SW_D) OUT: "solidworks" dave@pc-dave',
  '12:30:00 (SW_D) IN: "solidworks" dave@pc-dave',
  '12:31:00 (SW_D) IN: "solidworks" alice@pc-alice',
  'a stray line without the time prefix',
];

describe('flexnet debug log', () => {
  it('counts the peak, seat-hours, users and full-pool denials per tier and day, across midnight and a restart', async () => {
    const file = write('lmgrd.log', LOG);
    const result = await pull(file);
    expect(result.peaks).toEqual([
      // alice 9:10-10:10 and 23:00-24:00; bob holds 2 seats from 9:20 on; dave was turned away (-4), erin was excluded (not a full pool).
      { date: '2024-03-04', tier: 'premium', in_use: 2, hours: 29.3, users: 1, denials: 1 },
      { date: '2024-03-04', tier: 'professional', in_use: 1, hours: 2, users: 1, denials: 0 },
      // bob's 2 seats until 9:00; alice 0:00-1:00 and 10:00-11:00 with carol (the shutdown ends both), dave 12:00-12:30.
      { date: '2024-03-05', tier: 'premium', in_use: 2, hours: 18, users: 1, denials: 0 },
      { date: '2024-03-05', tier: 'professional', in_use: 2, hours: 3.5, users: 3, denials: 0 },
    ]);
    expect(result.peaks!.every((p) => (p.hours ?? 0) >= 0)).toBe(true);
    expect(result.accounts).toEqual([
      { account: 'alice', login: 'alice', tier: 'professional', last_active: '2024-03-05' },
      { account: 'bob', login: 'bob', tier: 'premium', last_active: '2024-03-05' },
      { account: 'carol', login: 'carol', tier: 'professional', last_active: '2024-03-05' },
      { account: 'dave', login: 'dave', tier: 'professional', last_active: '2024-03-05' },
    ]);
    expect(result.warnings).toEqual([
      `flexnet: 2 lines not counted: ${file}:12 (an OUT line lac cannot read); ${file}:26 (not a debug log line ("hh:mm:ss (daemon) message"))`,
      'flexnet: features not in usage.features, not counted for this license: MATLAB',
      'flexnet: 2 check-ins without their check-out (out before the log began); not counted',
      'flexnet: 2 seats were out when the server restarted; counted up to its last line before the restart',
      'flexnet: swpremium refused to erin for another reason than a full pool: (User/host on EXCLUDE list for feature. (-38,349))',
      'flexnet: swultimate requested by frank, but no server serves it (UNSUPPORTED)',
    ]);
    expectFitsSnapshot(result, 'flexnet');
  });

  it('reads lmgrd -datestamp lines and refuses events before any date instead of guessing the day', async () => {
    const file = write('undated.log', [
      ' 9:10:00 (SW_D) OUT: "solidworks" alice@pc-alice',
      '2024-03-04T09:20:00+01:00 (SW_D) OUT: "solidworks" bob@corp.example@pc-bob',
      '2024-03-04T09:50:00+01:00 (SW_D) IN: "solidworks" bob@corp.example@pc-bob',
    ]);
    const result = await pull(file);
    // user@host where the user is an email address: the host follows the last @.
    expect(result.accounts.map((a) => a.account)).toEqual(['bob@corp.example']);
    expect(result.peaks).toEqual([
      { date: '2024-03-04', tier: 'premium', in_use: 0, hours: 0, users: 0, denials: 0 },
      { date: '2024-03-04', tier: 'professional', in_use: 1, hours: 0.5, users: 1, denials: 0 },
    ]);
    expect(result.warnings[0]).toBe(`flexnet: 1 line not counted: ${file}:1 (an event before any TIMESTAMP line: its day is unknown)`);
  });

  it('reads one log per server: a checkout two triad members log counts once, sites add up, a restart ends only its server\'s seats', async () => {
    const banner = (host: string, time: string) => `${time} (lmgrd) FlexNet Licensing (v11.19.0.0 build 283773 x64_lsb) started on ${host} (linux) (3/4/2024)`;
    const alice = [' 9:00:00 (SW_D) OUT: "solidworks" alice@pc-alice', '10:00:00 (SW_D) IN: "solidworks" alice@pc-alice'];
    const lic1 = write('lic1.log', [banner('lic1', ' 8:00:00'), ...alice, '10:30:00 (SW_D) OUT: "solidworks" bob@pc-bob', '11:30:00 (SW_D) IN: "solidworks" bob@pc-bob']);
    const lic2 = write('lic2.log', [banner('lic2', ' 8:00:30'), ...alice]);
    const muc = write('muc1.log', [banner('muc1', ' 8:00:00'), ' 9:30:00 (SW_D) OUT: "solidworks" hans@pc-hans', '11:00:00 (SW_D) EXITING DUE TO SIGNAL 15 (Exit reason 2)', banner('muc1', '12:00:00')]);
    const result = await flexnetConnector().pull(context({ paths: [lic1, lic2, muc] }, {}, { features }));
    expect(result.peaks).toEqual([
      { date: '2024-03-04', tier: 'premium', in_use: 0, hours: 0, users: 0, denials: 0 },
      // alice 9:00-10:00 (once), hans 9:30-11:00 at the other site, bob 10:30-11:30 (the Munich shutdown does not end it).
      { date: '2024-03-04', tier: 'professional', in_use: 2, hours: 3.5, users: 3, denials: 0 },
    ]);
    expect(result.warnings).toEqual(['flexnet: 1 seat was out when the server restarted; counted up to its last line before the restart']);
    const both = await rejection(flexnetConnector().pull(context({ path: lic1, paths: [lic2] }, {}, { features })));
    expect(both.message).toBe('flexnet: usage.config has both path and paths');
  });

  it('says what to add when the license does not list its features', async () => {
    const error = await rejection(flexnetConnector().pull(context({ path: write('x.log', LOG) }, {})));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.message).toBe('flexnet: usage.features is missing');
    expect(error.hint).toContain('features: { swpremium: premium }');
  });
});

// Shape of `lmutil lmstat -a` from the FlexNet Publisher License Administration Guide ("lmstat")
// and the example output in ARM's knowledge article "How can I tell how many licenses are in use?".
const header = (when: string) => ['lmutil - Copyright (c) 1989-2023 Flexera. All Rights Reserved.', `Flexible License Manager status on ${when}`, '', '[Detecting lmgrd processes...]'];
const triad = (order: string) => [
  `License server status: ${order}`,
  '    License file(s) on lic1: /opt/flexlm/licenses/sw.lic:',
  '',
  '      lic1: license server UP v11.19.0',
  '      lic2: license server UP (MASTER) v11.19.0',
  '      lic3: license server UP v11.19.0',
  '',
  'Vendor daemon status (on lic2):',
  '',
  '      SW_D: UP v11.19.0',
  '',
  'Feature usage info:',
  '',
];
const LMSTAT = [
  ...header('Mon 3/4/2024 10:00'),
  ...triad('27000@lic1,27000@lic2,27000@lic3'),
  'Users of solidworks:  (Total of 10 licenses issued;  Total of 3 licenses in use)',
  '',
  '  "solidworks" v2024.0, vendor: SW_D, expiry: 31-dec-2024',
  '  floating license',
  '',
  '    alice pc-alice pc-alice (v2024.0) (lic2/27000 101), start Mon 3/4 9:01',
  // A borrowed seat (linger) and a reservation are inside the server's total of 3: counted once.
  '    bob pc-bob pc-bob (v2024.0) (lic2/27000 202), start Fri 3/1 17:30 (linger: 1209600 / 1200)',
  '    1 RESERVATION for USER dave (lic2/27000)',
  '',
  'Users of swpremium:  (Total of 2 licenses issued;  Total of 0 licenses in use)',
  '',
  // The same triad listed again (the license path names each member): read once.
  ...triad('27000@lic3,27000@lic1,27000@lic2'),
  'Users of solidworks:  (Total of 10 licenses issued;  Total of 3 licenses in use)',
  '    alice pc-alice pc-alice (v2024.0) (lic2/27000 101), start Mon 3/4 9:01',
  // A second site adds its own seats.
  'License server status: 27000@lic-muc',
  'Users of solidworks:  (Total of 5 licenses issued;  Total of 1 license in use)',
  '  "solidworks" v2024.0, vendor: SW_D, expiry: 31-dec-2024',
  '  floating license',
  '    hans pc-hans pc-hans (v2024.0) (lic-muc/27000 301), start Mon 3/4 9:45',
  '    ??? not a user line',
  'Users of MATLAB:  (Total of 5 licenses issued;  Total of 1 license in use)',
  '',
  ...header('Mon 3/4/2024 14:00'),
  ...triad('27000@lic1,27000@lic2,27000@lic3'),
  'Users of solidworks:  (Total of 10 licenses issued;  Total of 2 licenses in use)',
  '    alice pc-alice pc-alice (v2024.0) (lic2/27000 101), start Mon 3/4 9:01',
  ...header('Tue 3/5/2024 10:00'),
  ...triad('27000@lic1,27000@lic2,27000@lic3'),
  'Users of solidworks:  (Total of 10 licenses issued;  Total of 1 license in use)',
  '    carol pc-carol pc-carol (v2024.0) (lic2/27000 103), start Tue 3/5 8:15',
  'Users of swpremium:  (Total of 2 licenses issued;  Total of 1 license in use)',
  '    erin pc-erin pc-erin (v2024.0) (lic2/27000 104), start Tue 3/5 9:15, 1 license',
];

describe('flexnet lmstat', () => {
  it('takes the daily peak of appended runs, counting a triad once and adding sites', async () => {
    const file = write('lmstat.txt', LMSTAT);
    const result = await pull(file);
    expect(result.peaks).toEqual([
      { date: '2024-03-04', tier: 'premium', in_use: 0, users: 0 },
      { date: '2024-03-04', tier: 'professional', in_use: 4, users: 3 },
      { date: '2024-03-05', tier: 'premium', in_use: 1, users: 1 },
      { date: '2024-03-05', tier: 'professional', in_use: 1, users: 1 },
    ]);
    expect(result.accounts.map((a) => `${a.account} ${a.tier} ${a.last_active}`)).toEqual([
      'alice professional 2024-03-04',
      'bob professional 2024-03-04',
      'carol professional 2024-03-05',
      'erin premium 2024-03-05',
      'hans professional 2024-03-04',
    ]);
    expect(result.warnings).toEqual([
      `flexnet: 1 line not counted: ${file}:49 (a line in the block of solidworks that is not a user, reservation or feature line)`,
      'flexnet: features not in usage.features, not counted for this license: MATLAB',
    ]);
    expectFitsSnapshot(result, 'flexnet');
  });
});
