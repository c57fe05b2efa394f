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

import { KIND_META, KINDS, type Kind, type KindMeta } from './kind-table.ts';

export { KINDS, type Kind } from './kind-table.ts';

/** A kind of file, with its schema and where its files live. */
export interface KindInfo extends KindMeta {
  schema: TSchema;
}

const SCHEMAS: Record<Kind, TSchema> = { org: Org, people: People, vendor: Vendor, license: License, contract: Contract, assignments: Assignments, usage: Usage, policy: Policy, discovered: Discovered };

export const KIND_INFO = Object.fromEntries(KINDS.map((k) => [k, { ...KIND_META[k], schema: SCHEMAS[k] }])) as Record<Kind, KindInfo>;

/** File name of a kind's JSON Schema under schemas/. */
export const schemaFileName = (kind: Kind) => `${kind}.schema.json`;
