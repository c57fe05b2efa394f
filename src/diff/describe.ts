import type { Draft } from '../history/events.ts';
import { change, show } from '../history/format.ts';
import type { Inventory } from '../inventory/model.ts';

/** "Ada Lovelace (ada)", or the ID alone when the directory does not know it. */
export function personName(id: string | undefined, ...inventories: Inventory[]): string {
  if (!id) return '';
  const name = inventories.map((inv) => inv.people.get(id)?.data.name).find(Boolean);
  return name ? `${name} (${id})` : id;
}

/** One line that says what an event changed, for people. */
export function describeEvent(e: Draft): string {
  const d = e.details as Record<string, unknown>;
  switch (e.type) {
    case 'seat.assigned':
      return `assigned ${show(d.tier)}${d.since ? ` since ${show(d.since)}` : ''}`;
    case 'seat.removed':
      return `removed (${show(d.tier)})`;
    case 'seat.tier-changed':
      return `${show(d.from)} → ${show(d.to)}`;
    case 'person.joined':
      return 'joined';
    case 'person.left':
      return `left${d.end ? ` (last day ${show(d.end)})` : ''}`;
    case 'contract.created':
    case 'license.created':
    case 'vendor.created':
    case 'org.created':
      return 'created';
    case 'contract.removed':
    case 'license.removed':
    case 'vendor.removed':
    case 'person.removed':
    case 'usage.removed':
    case 'org.removed':
      return 'removed';
    case 'contract.renewed': {
      const from = d.from as Record<string, unknown>;
      const to = d.to as Record<string, unknown>;
      return `renewed: ${show(from.start)}–${show(from.end)} → ${show(to.start)}–${show(to.end)}`;
    }
    case 'usage.snapshot':
      return `usage snapshot ${show(d.taken)}: ${show(d.accounts)} accounts${d.previous !== null && d.previous !== undefined ? ` (was ${show(d.previous)})` : ''}`;
    default:
      return d.field !== undefined ? change(d) : e.type;
  }
}
