// `lac export focus`: loads the inventory and who held which seat, and makes the FOCUS rows.
import { periodCharges } from '../../analysis/period/charges.ts';
import type { Period } from '../../analysis/period/range.ts';
import type { PriceProblem } from '../../analysis/report/prices.ts';
import { gitText } from '../../git/run.ts';
import { loadInventory } from '../../inventory/load.ts';
import type { Inventory } from '../../inventory/model.ts';
import type { TreeSource } from '../../inventory/source.ts';
import { periodHoldings } from '../../report/period-holdings.ts';
import { focusRow, type FocusRow } from './rows.ts';

export interface FocusExport {
  period: Period;
  rows: FocusRow[];
  problems: PriceProblem[];
}

/** The FOCUS rows of a period (chosen once the inventory is read); `commit` is the revision read (--at), else HEAD of `root` when it is a repository. */
export async function focusExport(source: TreeSource, root: string, period: (inv: Inventory) => Period, commit?: string): Promise<FocusExport> {
  const { inventory } = await loadInventory(source);
  const p = period(inventory);
  const head = commit ?? ((await gitText(root, ['rev-parse', '--verify', '-q', 'HEAD^{commit}']).catch(() => '')).trim() || null);
  const charges = periodCharges(inventory, p, await periodHoldings(root, inventory, commit));
  return { period: p, rows: charges.charges.map((c) => focusRow(inventory, c, charges.currency, head)), problems: charges.problems };
}
