/** What to generate, and the sizes that follow from the number of people. */
export interface SynthOptions {
  people: number;
  seed: number | string;
  /** The day the data is "as of": leavers left before it, contracts are in force on it. */
  today: string;
  /** Plant a few deliberate problems (a leaver with seats, an over-assigned tier, ...) so `lac check` has findings. */
  problems: boolean;
  /**
   * People who hold seats but are missing from people.yaml (a truncated HR export): every seat
   * of theirs is an unknown assignee. 0 by default; the benchmark uses it as a stress case.
   */
  missingPeople: number;
  /**
   * Vendor accounts in usage snapshots (inventory/usage/), over all licenses that have a usage
   * source, split by their seats. 0 by default: no snapshots. The "XL" org of issue 16 has 425,000.
   */
  usageAccounts: number;
}

export const DEFAULTS: Omit<SynthOptions, 'people'> = { seed: 1, today: '2026-11-23', problems: true, missingPeople: 0, usageAccounts: 0 };

/** Licenses per people count: about one per hundred people, at least 5, at most 1,000. */
export const licenseCount = (people: number) => Math.min(1000, Math.max(5, Math.round(people / 100)));

/** Seats wanted in total: about ten per person (fewer in tiny orgs, where licenses run out of holders). */
export const seatTarget = (people: number) => people * 10;

/** Company-wide licenses (most people hold one): a few, more in larger orgs. */
export const coreCount = (licenses: number) => Math.min(6, Math.max(3, Math.round(licenses / 100)), licenses);
