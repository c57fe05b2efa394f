import type { Rule } from '../rule.ts';
import { assignedWithoutAccount } from './assigned-without-account.ts';
import { concurrentDenials } from './concurrent-denials.ts';
import { concurrentPeakExceedsEntitlement } from './concurrent-peak.ts';
import { inactiveSeat } from './inactive-seat.ts';
import { tierMismatch } from './tier-mismatch.ts';
import { unassignedAccount } from './unassigned-account.ts';

/** Rules that compare the inventory with the latest usage snapshot; silent where none exists. */
export const USAGE_RULES: readonly Rule[] = [unassignedAccount, assignedWithoutAccount, tierMismatch, inactiveSeat, concurrentPeakExceedsEntitlement, concurrentDenials];
