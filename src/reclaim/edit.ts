// Edits an assignments file for a reclaim: the yaml Document API finds each seat's node and its
// source range, and only those bytes change, so comments, blank lines, quoting and key order that
// people wrote survive and the diff is exactly the reclaimed lines.
import { isMap, isScalar, isSeq, parseDocument, Scalar, type Node } from 'yaml';

export interface SeatEdit {
  /** Position of the seat in the file's `seats` list. */
  index: number;
  action: 'remove' | 'downgrade';
  to?: string;
  /** The seat as the plan saw it; the edit refuses a file where that position holds another seat. */
  expect?: { person?: string; tier: string };
}

export class EditError extends Error {
  override name = 'EditError';
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

function plain(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined;
}

/** The text with the edits applied. Throws EditError when a seat is not where the plan expects it. */
export function editAssignments(text: string, edits: readonly SeatEdit[]): string {
  if (edits.length === 0) return text;
  const doc = parseDocument(text, { keepSourceTokens: true });
  if (doc.errors.length > 0) throw new EditError(`cannot edit: ${doc.errors[0]!.message}`);
  const seats = doc.get('seats', true);
  if (!isSeq(seats)) throw new EditError('cannot edit: the file has no seats list');
  const splices: Splice[] = [];
  for (const edit of edits) {
    const item = seats.items[edit.index] as Node | undefined;
    if (!isMap(item) || !item.range) throw new EditError(`cannot edit: no seat at position ${edit.index}`);
    if (edit.expect && (plain(item.get('person', true)) !== edit.expect.person || plain(item.get('tier', true)) !== edit.expect.tier)) {
      throw new EditError(`cannot edit: the seat at position ${edit.index} is not ${edit.expect.person} ${edit.expect.tier}; the file changed since the plan was made`);
    }
    if (edit.action === 'remove') splices.push(removeLine(text, item.range));
    else {
      const tier = item.get('tier', true);
      if (!isScalar(tier) || !tier.range || edit.to === undefined) throw new EditError(`cannot edit: the seat at position ${edit.index} has no tier to change`);
      const q = tier.type === Scalar.QUOTE_DOUBLE ? '"' : tier.type === Scalar.QUOTE_SINGLE ? "'" : '';
      splices.push({ start: tier.range[0], end: tier.range[1], text: `${q}${edit.to}${q}` });
    }
  }
  splices.sort((a, b) => b.start - a.start);
  let out = text;
  for (const s of splices) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  verify(out, seats.items.length, edits);
  return out;
}

/** The whole line(s) of a block sequence item, from its line start through its last line's end. */
function removeLine(text: string, range: [number, number, number]): Splice {
  const lineStart = text.lastIndexOf('\n', range[0] - 1) + 1;
  if (!/^[ \t]*-[ \t]+$/.test(text.slice(lineStart, range[0]))) {
    throw new EditError('cannot edit: seats must be written one per line as "- { ... }" or a block mapping');
  }
  const nl = text.indexOf('\n', range[1] > 0 ? range[1] - 1 : 0);
  return { start: lineStart, end: nl === -1 ? text.length : nl + 1, text: '' };
}

/** The edited text must parse, with exactly the removed seats gone. */
function verify(out: string, before: number, edits: readonly SeatEdit[]): void {
  const doc = parseDocument(out);
  const seats = doc.get('seats');
  const removed = edits.filter((e) => e.action === 'remove').length;
  if (doc.errors.length > 0 || !isSeq(seats) || seats.items.length !== before - removed) {
    throw new EditError('internal: the edited assignments file does not read back as expected');
  }
}
