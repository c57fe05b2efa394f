import { isMap, isScalar, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { Term } from '../analysis/terms.ts';
import type { Renewal } from './plan.ts';

/** The term a renewal pull request writes: the next one, or, when the file is stale (it rolled), the term in force. */
export const proposedTerm = (r: Renewal): Term => (r.dates.rolls > 0 ? r.dates.term : r.dates.next);

const DECISION_NOTE = ' # for a person: renew, renegotiate or cancel';

interface Edit {
  from: number;
  to: number;
  text: string;
}

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
}

/** Where the values the proposal changes sit in the text, found through the yaml Document's node ranges. */
function planEdits(text: string, doc: Document, r: Renewal): Edit[] | undefined {
  const edits: Edit[] = [];
  const replace = (node: unknown, value: string): boolean => {
    if (!isScalar(node) || !node.range) return false;
    const quote = node.type === 'QUOTE_DOUBLE' ? '"' : node.type === 'QUOTE_SINGLE' ? "'" : '';
    edits.push({ from: node.range[0], to: node.range[1], text: `${quote}${value}${quote}` });
    return true;
  };
  const term = proposedTerm(r);
  if (!replace(doc.get('start', true), term.start) || !replace(doc.get('end', true), term.end)) return undefined;
  r.lines.forEach((line, i) => {
    if (line.recommended === 'unlimited' || line.recommended === line.current) return;
    if (doc.getIn(['lines', i, 'license']) !== line.license || doc.getIn(['lines', i, 'tier']) !== line.tier) return;
    replace(doc.getIn(['lines', i, 'quantity'], true), String(line.recommended));
  });
  const renewal = doc.get('renewal', true);
  if (renewal === undefined) {
    edits.push({ from: text.length, to: text.length, text: `${text.endsWith('\n') || text === '' ? '' : '\n'}renewal:\n  decision: undecided${DECISION_NOTE}\n` });
    return edits;
  }
  if (!isMap(renewal)) return undefined;
  const decision = renewal.get('decision', true);
  if (!isScalar(decision) || !decision.range) return undefined;
  const noted = !renewal.flow && !text.slice(decision.range[1], lineEnd(text, decision.range[1])).includes('#');
  edits.push({ from: decision.range[0], to: decision.range[1], text: `undecided${noted ? DECISION_NOTE : ''}` });
  for (const item of renewal.items as Pair<Node, Node>[]) {
    const key = isScalar(item.key) ? item.key.value : undefined;
    if ((key !== 'decided_by' && key !== 'decided_on') || !item.key.range || !item.value?.range) continue;
    if (renewal.flow) {
      // "{ decision: renew, decided_by: ada }": drop ", decided_by: ada".
      const comma = text.lastIndexOf(',', item.key.range[0]);
      edits.push({ from: comma, to: item.value.range[1], text: '' });
    } else {
      edits.push({ from: lineStart(text, item.key.range[0]), to: lineEnd(text, item.value.range[1]), text: '' });
    }
  }
  return edits;
}

/** Applies non-overlapping edits, last first, so earlier offsets stay valid. */
function apply(text: string, edits: Edit[]): string | undefined {
  const sorted = [...edits].sort((a, b) => b.from - a.from);
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.to > sorted[i - 1]!.from) return undefined;
  return sorted.reduce((t, e) => t.slice(0, e.from) + e.text + t.slice(e.to), text);
}

/**
 * The contract file with the proposed next term: new start and end, the recommended quantities,
 * and the renewal decision reset to `undecided` for a person to fill in. The yaml Document finds
 * each value's node; the text is changed at exactly those ranges, so comments, flow maps, folded
 * notes and key order stay byte for byte as people wrote them, and the diff is only the lines
 * that change. Undefined when the text is not this contract's file or has a shape lac does not edit.
 */
export function proposeNextTerm(text: string, r: Renewal): string | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length > 0 || !isMap(doc.contents) || doc.get('id') !== r.id) return undefined;
  const edits = planEdits(text, doc, r);
  const next = edits && apply(text, edits);
  if (next === undefined) return undefined;
  // The edited text must read back as the proposal, or it is not proposed at all.
  const check = parseDocument(next);
  const term = proposedTerm(r);
  const ok = check.errors.length === 0 && check.get('start') === term.start && check.get('end') === term.end && check.getIn(['renewal', 'decision']) === 'undecided'
    && check.getIn(['renewal', 'decided_by']) === undefined && check.getIn(['renewal', 'decided_on']) === undefined;
  return ok ? next : undefined;
}
