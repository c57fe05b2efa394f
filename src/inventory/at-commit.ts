// The inventory as of a commit, for the point-in-time views (the site's snapshots, evidence packs, the forecast's
// back-test): the inventory already loaded for the commit they are built from is used again, not read and parsed
// a second time (at 100,000 people a parse is seconds and the copy hundreds of megabytes).
import { gitSource } from './git-source.ts';
import { loadInventory } from './load.ts';
import type { Inventory } from './model.ts';

/** An inventory and the commit it was loaded from. */
export interface InventoryOf {
  commit: string;
  inventory: Inventory;
}

/** The inventory at a commit (full ID): `known`'s when it is that commit (an inventory is not changed once loaded), else read from git. */
export async function inventoryAt(root: string, commit: string, known?: InventoryOf): Promise<Inventory> {
  if (known?.commit === commit) return known.inventory;
  return (await loadInventory(gitSource(root, commit))).inventory;
}

/**
 * inventoryAt keeping the last inventory read: a caller going through days in order reads each commit once and holds
 * one inventory besides `known` (the site's snapshots, the evidence packs' positions, the forecast's back-test).
 */
export function inventoriesAt(root: string, known?: InventoryOf): (commit: string) => Promise<Inventory> {
  let held: { commit: string; inventory: Promise<Inventory> } | undefined;
  return (commit) => {
    if (held?.commit !== commit) held = { commit, inventory: inventoryAt(root, commit, known) };
    return held.inventory;
  };
}
