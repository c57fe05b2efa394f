import { isMap, isScalar, parseDocument, type Document, type Scalar } from 'yaml';
import type { Term } from '../analysis/terms.ts';
import type { Renewal } from './plan.ts';

/** The term a renewal pull request writes: the next one, or, when the file is stale (it rolled), the term in force. */
export const proposedTerm = (r: Renewal): Term => (r.dates.rolls > 0 ? r.dates.term : r.dates.next);

/** Replaces a scalar's value in place, so its style and the comments around it survive. */
function setScalar(doc: Document, path: (string | number)[], value: string | number): void {
  const node = doc.getIn(path, true);
  if (isScalar(node)) (node as Scalar).value = value;
  else doc.setIn(path, value);
}

const DECISION_NOTE = ' for a person: renew, renegotiate or cancel';

/**
 * The contract file with the proposed next term: new start and end, the recommended quantities,
 * and the renewal decision reset to `undecided` for a person to fill in. Edited through the yaml
 * Document API, so comments, key order and flow style stay as people wrote them and the diff is
 * only the lines that change. Undefined when the text is not this contract's file.
 */
export function proposeNextTerm(text: string, r: Renewal): string | undefined {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0 || !isMap(doc.contents) || doc.get('id') !== r.id) return undefined;
  const term = proposedTerm(r);
  setScalar(doc, ['start'], term.start);
  setScalar(doc, ['end'], term.end);
  r.lines.forEach((line, i) => {
    if (line.recommended === 'unlimited' || line.recommended === line.current) return;
    const at = doc.getIn(['lines', i, 'license']) === line.license && doc.getIn(['lines', i, 'tier']) === line.tier;
    if (at) setScalar(doc, ['lines', i, 'quantity'], line.recommended);
  });
  const renewal = doc.get('renewal', true);
  if (isMap(renewal)) {
    renewal.delete('decided_by');
    renewal.delete('decided_on');
    setScalar(doc, ['renewal', 'decision'], 'undecided');
  } else {
    doc.set('renewal', doc.createNode({ decision: 'undecided' }));
  }
  const decision = doc.getIn(['renewal', 'decision'], true);
  if (isScalar(decision) && !decision.comment) decision.comment = DECISION_NOTE;
  return doc.toString({ lineWidth: 0 });
}
