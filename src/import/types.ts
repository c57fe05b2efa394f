/** A record read from a source, before IDs are given: references are by name (vendor, product) or email (person). */
export interface VendorIn {
  name: string;
}

export interface LicenseIn {
  name: string;
  vendor: string;
  type?: string;
  tiers: string[];
}

export interface LineIn {
  license: string;
  tier: string;
  quantity: number | 'unlimited';
  unitPrice: string;
  pricePeriod?: 'month' | 'year';
}

export interface ContractIn {
  vendor: string;
  title: string;
  currency: string;
  start: string;
  end?: string;
  orderNumber?: string;
  lines: LineIn[];
}

export interface PersonIn {
  name: string;
  email: string;
  status?: 'active' | 'leaver';
}

export interface SeatIn {
  license: string;
  vendor: string;
  tier: string;
  /** The holder's email; or, when the sheet has none, their full name, matched to people.yaml. */
  email?: string;
  name?: string;
  since: string;
  /** The row it came from, for the report when the holder matches nobody. */
  where?: string;
}

/** A row that was not imported: where it is (file and row, a cell when one is to blame) and why. */
export interface Skipped {
  where: string;
  why: string;
}

/** Everything one import read: records plus the rows it left out. */
export interface Batch {
  vendors: VendorIn[];
  licenses: LicenseIn[];
  contracts: ContractIn[];
  people: PersonIn[];
  seats: SeatIn[];
  skipped: Skipped[];
  /** Rows that hold no record (a totals row, a title above the header), named so nothing vanishes unseen. */
  ignored: Skipped[];
}

export const emptyBatch = (): Batch => ({ vendors: [], licenses: [], contracts: [], people: [], seats: [], skipped: [], ignored: [] });

/** A refused input: a located message for the user (file, row, cell) and what to do. */
export class ImportError extends Error {
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'ImportError';
    this.hint = hint;
  }
}
