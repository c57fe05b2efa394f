// The inventory as of a commit, for the point-in-time views (the site's snapshots, evidence packs, the forecast's
// back-test): the inventory already loaded for the commit they are built from is used again, not read and parsed
// a second time (at 100,000 people a parse is seconds and the copy hundreds of megabytes).
import { gitSource } from './git-source.ts';
import { loadInventory } from './load.ts';
import { markPointInTime, type Inventory } from './model.ts';
import { filesOf } from './parsed-files.ts';

/** An inventory and the commit it was loaded from. */
export interface InventoryOf {
  commit: string;
  inventory: Inventory;
}

/**
 * The inventory at a commit (full ID): `known`'s when it is that commit (an inventory is not changed once loaded),
 * else read from git, its files unchanged since `known` (or `also`) taken from them (src/inventory/parsed-files.ts).
 */
export async function inventoryAt(root: string, commit: string, known?: InventoryOf, also?: Inventory): Promise<Inventory> {
  if (known?.commit === commit) return known.inventory;
  const reuse = [known && filesOf(known.inventory), also && filesOf(also)];
  const { inventory } = await loadInventory(gitSource(root, commit), undefined, { reuse });
  markPointInTime(inventory);
  return inventory;
}

/**
 * inventoryAt keeping the last inventory read: a caller going through days in order reads each commit once and holds
 * one inventory besides `known` (the site's snapshots, the evidence packs' positions, the forecast's back-test).
 */
export function inventoriesAt(root: string, known?: InventoryOf): (commit: string) => Promise<Inventory> {
  let held: { commit: string; inventory: Promise<Inventory> } | undefined;
  return (commit) => {
    if (held?.commit !== commit) {
      // The last one read shares its files with the next (the days are in order: a month's changes apart).
      const last = held?.inventory;
      held = { commit, inventory: (last ? last.catch(() => undefined) : Promise.resolve(undefined)).then((also) => inventoryAt(root, commit, known, also)) };
    }
    return held.inventory;
  };
}
