export * from './common.ts';
export * from './kinds.ts';
export type { Org, ReclaimPolicy, RenewalPolicy, Department, DirectorySource } from './org.ts';
export type { Person, People } from './people.ts';
export type { Vendor, Contact } from './vendor.ts';
export type { License, Tier, LicenseType } from './license.ts';
export type { Contract, ContractLine, Decision } from './contract.ts';
export type { Seat, Assignments } from './assignments.ts';
export type { Account, Usage } from './usage.ts';
