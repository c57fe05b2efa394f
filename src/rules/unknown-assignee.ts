import { seatLoc } from '../inventory/model.ts';
import { createSuggester } from '../util/suggest.ts';
import { seatRule } from './seat-walk.ts';
import { brokenTarget, uncheckedReferences } from './unchecked.ts';

export const unknownAssignee = seatRule({
  id: 'unknown-assignee',
  severity: 'error',
  doc: 'A seat is assigned to a person ID that is not in people.yaml: nobody can tell who holds it.',
  visit({ inv }, emit) {
    // Built on the first unknown person only: a clean inventory pays nothing for it.
    let suggest: ((id: string) => string) | undefined;
    const unchecked = uncheckedReferences();
    return {
      list(list, holder) {
        for (let i = 0; i < holder.length; i++) {
          // No number: the person is not in people.yaml.
          const seat = list.seats[i]!;
          if (holder[i]! >= 0 || !seat.person) continue;
          const broken = brokenTarget(inv, 'person', seat.person);
          if (broken) {
            unchecked.add({ file: list.file }, 'person', seat.person, broken);
            continue;
          }
          if (inv.invalid.people.has(seat.person)) continue;
          emit({ loc: seatLoc(list, i, 'person'), message: `person "${seat.person}" is not in inventory/people.yaml${(suggest ??= createSuggester(inv.people.keys()))(seat.person)}`, hint: 'fix the ID, or add the person to the directory' });
        }
      },
      end: () => unchecked.report(emit),
    };
  },
});
