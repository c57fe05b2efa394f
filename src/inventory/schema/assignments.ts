import Type, { type Static } from 'typebox';
import { Closed, Id, IsoDate, Text } from './common.ts';

export const Seat = Closed(
  {
    person: Type.Optional(Id('Person ID of the holder (named licenses).')),
    device: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$', description: 'Device or host name (device licenses).', 'x-expected': 'a device name of letters, digits, ".", "-", "_"' })),
    tier: Id('Tier ID of the license.'),
    since: IsoDate('Date the seat was assigned.'),
    note: Type.Optional(Text('Why this seat is held, e.g. an exemption reason.', 200)),
  },
  'One seat: who (or which device) holds which tier since when.',
);

export const Assignments = Closed(
  {
    license: Id('License ID; the file name without .yaml.'),
    seats: Type.Array(Seat, { description: 'One line per seat, so that a pull request shows one line per seat change.' }),
  },
  'Seat assignments of one license.',
);

export type Seat = Static<typeof Seat>;
export type Assignments = Static<typeof Assignments>;
