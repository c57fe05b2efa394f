import { seatLoc, type SeatList } from '../inventory/model.ts';
import type { Seat } from '../inventory/schema/index.ts';
import { seatRule } from './seat-walk.ts';

const what = (list: SeatList, seat: Seat) => `this ${list.license} ${seat.tier} seat (since ${seat.since})`;

/**
 * A seat names exactly one holder. Device licenses are held by devices; every other type by
 * people: on a site or usage-based license the lines record who may use it, and on a
 * concurrent (floating) license who may check a seat out; a build host that needs one should
 * be licensed under a device license instead.
 */
export const seatHolder = seatRule({
  id: 'seat-holder',
  severity: 'error',
  doc: 'A seat names neither a person nor a device, or both, or the wrong one for the license type (device licenses: devices; others: people).',
  visit({ inv }, emit) {
    return {
      list(list) {
        const type = inv.licenses.get(list.license)?.data.type;
        const wants = type === undefined ? undefined : type === 'device' ? 'device' : 'person';
        const add = wants === 'device' ? 'add `device: <host name>`' : wants === 'person' ? 'add `person: <person id>`' : 'add `person: <person id>` or `device: <host name>`';
        list.seats.forEach((seat, i) => {
          if (seat.person === undefined && seat.device === undefined) {
            emit({ loc: seatLoc(list, i), message: `${what(list, seat)} names neither a person nor a device`, hint: add });
          } else if (seat.person !== undefined && seat.device !== undefined) {
            const keep = wants ? `keep only \`${wants}:\` (${list.license} is a ${type} license)` : 'keep only one of `person:` and `device:`';
            emit({ loc: seatLoc(list, i, 'device'), message: `${what(list, seat)} names both person ${seat.person} and device ${seat.device}`, hint: keep });
          } else if (wants === 'device' && seat.person !== undefined) {
            emit({ loc: seatLoc(list, i, 'person'), message: `${list.license} is a device license, but ${what(list, seat)} names person ${seat.person}`, hint: 'name the device that holds the seat with `device: <host name>` instead' });
          } else if (wants === 'person' && seat.device !== undefined) {
            emit({ loc: seatLoc(list, i, 'device'), message: `${list.license} is a ${type} license, held by people, but ${what(list, seat)} names device ${seat.device}`, hint: 'name the person who uses it with `person: <person id>`, or make it a device license' });
          }
        });
      },
    };
  },
});
