// Which person IDs a seat list holds on two or more lines, counted by the byte scanner as it reads the
// list (record-bytes.ts): each ID is interned as it is read, and the interner marks its slot per list.
// lac diff asks it of every large seat list it judges (diff/rule-scope.ts `repeated`), where counting
// them again took a walk over 85,000 seats with a hash of each ID.

const counted = new WeakMap<readonly unknown[], readonly string[]>();

/** Remembers the person IDs the records (a list read whole, every record a usual seat line) hold twice or more. */
export function rememberTwice(records: readonly unknown[], people: readonly string[]): void {
  counted.set(records, people);
}

/** The person IDs held twice or more in `records`, when the byte scanner counted them (no record has a device then). */
export function countedTwice(records: readonly unknown[]): readonly string[] | undefined {
  return counted.get(records);
}
