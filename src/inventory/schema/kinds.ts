import type { TSchema } from 'typebox';
import { Assignments } from './assignments.ts';
import { Contract } from './contract.ts';
import { Discovered } from './discovery.ts';
import { License } from './license.ts';
import { Org } from './org.ts';
import { People } from './people.ts';
import { Policy } from './policy.ts';
import { Usage } from './usage.ts';
import { Vendor } from './vendor.ts';

/** The kinds of file in an inventory, each with its schema and where its files live. */
export const KINDS = ['org', 'people', 'vendor', 'license', 'contract', 'assignments', 'usage', 'policy', 'discovered'] as const;
export type Kind = (typeof KINDS)[number];

export interface KindInfo {
  kind: Kind;
  schema: TSchema;
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

export const KIND_INFO: Record<Kind, KindInfo> = {
  org: { kind: 'org', schema: Org, file: 'org.yaml', title: 'Organization settings' },
  people: { kind: 'people', schema: People, file: 'people.yaml', recordsKey: 'people', title: 'People directory' },
  vendor: { kind: 'vendor', schema: Vendor, folder: 'vendors', idKey: 'id', title: 'Vendor' },
  license: { kind: 'license', schema: License, folder: 'licenses', idKey: 'id', title: 'License' },
  contract: { kind: 'contract', schema: Contract, folder: 'contracts', idKey: 'id', title: 'Contract' },
  assignments: { kind: 'assignments', schema: Assignments, folder: 'assignments', idKey: 'license', recordsKey: 'seats', title: 'Seat assignments' },
  usage: { kind: 'usage', schema: Usage, folder: 'usage', idKey: 'license', recordsKey: 'accounts', title: 'Usage snapshot' },
  policy: { kind: 'policy', schema: Policy, folder: 'policies', idKey: 'id', title: 'Access policy' },
  discovered: { kind: 'discovered', schema: Discovered, folder: 'discovered', idKey: 'source', recordsKey: 'apps', title: 'Discovery snapshot' },
};

/** File name of a kind's JSON Schema under schemas/. */
export const schemaFileName = (kind: Kind) => `${kind}.schema.json`;
