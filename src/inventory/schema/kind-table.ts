// The kinds of file and where they live, without their schemas: what reading an inventory needs at
// run time. The schemas are TypeBox values (kinds.ts); loading TypeBox's 700 modules cost about
// 0.15 s at every command that reads an inventory, and the build precompiles them (validate.ts).

/** The kinds of file in an inventory. */
export const KINDS = ['org', 'people', 'vendor', 'license', 'contract', 'assignments', 'usage', 'policy', 'discovered'] as const;
export type Kind = (typeof KINDS)[number];

/**
 * A stable identifier: lowercase slug, no path separators, no "..". Used for file names and in
 * branch names (lac/reclaim/<license>, lac/renewal/<contract>), so it is a single safe path
 * segment and a valid ref component: git refuses a component ending in ".lock", and Windows
 * cannot create a file whose name before the first dot is a device name (con.yaml, nul.tar.yaml).
 */
export const ID_PATTERN = '^(?!.*\\.lock$)(?!(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\\.|$))[a-z0-9]+(?:[._-][a-z0-9]+)*$';

export interface KindMeta {
  kind: Kind;
  /** Folder under inventory/ holding one file per record, or undefined for a single file. */
  folder?: string;
  /** The single file's name under inventory/, for org and people. */
  file?: string;
  /** The top-level key whose value names the file (file name = value + ".yaml"). */
  idKey?: string;
  /** The top-level key holding one-line records, for kinds parsed line by line. */
  recordsKey?: string;
  title: string;
}

export const KIND_META: Record<Kind, KindMeta> = {
  org: { kind: 'org', file: 'org.yaml', title: 'Organization settings' },
  people: { kind: 'people', file: 'people.yaml', recordsKey: 'people', title: 'People directory' },
  vendor: { kind: 'vendor', folder: 'vendors', idKey: 'id', title: 'Vendor' },
  license: { kind: 'license', folder: 'licenses', idKey: 'id', title: 'License' },
  contract: { kind: 'contract', folder: 'contracts', idKey: 'id', title: 'Contract' },
  assignments: { kind: 'assignments', folder: 'assignments', idKey: 'license', recordsKey: 'seats', title: 'Seat assignments' },
  usage: { kind: 'usage', folder: 'usage', idKey: 'license', recordsKey: 'accounts', title: 'Usage snapshot' },
  policy: { kind: 'policy', folder: 'policies', idKey: 'id', title: 'Access policy' },
  discovered: { kind: 'discovered', folder: 'discovered', idKey: 'source', recordsKey: 'apps', title: 'Discovery snapshot' },
};
