import { assignmentBeforeStart } from './assignment-before-start.ts';
import { cancelByPassed } from './cancel-by-passed.ts';
import { contractExpired } from './contract-expired.ts';
import { datesOutOfOrder } from './dates-out-of-order.ts';
import { duplicateAssignment } from './duplicate-assignment.ts';
import { licenseWithoutOwner } from './license-without-owner.ts';
import { maintenanceExpired } from './maintenance-expired.ts';
import { noActiveContract } from './no-active-contract.ts';
import { overAssigned } from './over-assigned.ts';
import { ownerIsLeaver } from './owner-is-leaver.ts';
import { personStatusStale } from './person-status-stale.ts';
import { leaverRemovalOverdue } from './leaver-removal-overdue.ts';
import { policyForbiddenSeat } from './policy-forbidden-seat.ts';
import { policyMissingSeat } from './policy-missing-seat.ts';
import { renewalDecisionDue } from './renewal-decision-due.ts';
import { retiredLicenseHasSeats } from './retired-license-has-seats.ts';
import type { Rule } from './rule.ts';
import { seatHeldByLeaver } from './seat-held-by-leaver.ts';
import { seatHolder } from './seat-holder.ts';
import { unknownAssignee } from './unknown-assignee.ts';
import { unknownReference } from './unknown-reference.ts';
import { undeclaredApp } from './undeclared-app.ts';
import { USAGE_RULES } from './usage/index.ts';

/** Every business rule, in the order `lac rules` lists them. */
export const RULES: readonly Rule[] = [
  // references and seat lines
  unknownReference,
  unknownAssignee,
  seatHolder,
  duplicateAssignment,
  // seats against contracts and people
  overAssigned,
  noActiveContract,
  retiredLicenseHasSeats,
  seatHeldByLeaver,
  assignmentBeforeStart,
  leaverRemovalOverdue,
  // access policies
  policyMissingSeat,
  policyForbiddenSeat,
  // owners and the directory
  licenseWithoutOwner,
  ownerIsLeaver,
  personStatusStale,
  // contract terms and renewals
  datesOutOfOrder,
  contractExpired,
  cancelByPassed,
  renewalDecisionDue,
  maintenanceExpired,
  // the inventory against the latest usage snapshots
  ...USAGE_RULES,
  // software in use that the inventory does not declare
  undeclaredApp,
];

/** Checks on the files themselves and on settings, reported outside the rules; their severity is fixed. */
export const FILE_CHECKS: readonly { id: string; doc: string; severity?: 'warning' }[] = [
  { id: 'yaml-syntax', doc: 'The file is not valid YAML.' },
  { id: 'duplicate-key', doc: 'A key appears twice in one mapping; YAML readers disagree on which wins.' },
  { id: 'yaml-alias-limit', doc: 'Anchors and aliases expand beyond a safe size (an alias bomb).' },
  { id: 'multiple-documents', doc: 'The file holds more than one YAML document.' },
  { id: 'not-utf8', doc: 'The file is not UTF-8 text.' },
  { id: 'empty-file', doc: 'The file holds nothing.' },
  { id: 'file-too-large', doc: 'The file is larger than any inventory file should be.' },
  { id: 'unreadable-file', doc: 'The entry is not a regular file inside the repository (a link out of it, a folder, a pipe, a device) or cannot be read.' },
  { id: 'schema', doc: 'A value does not fit the schema of its file kind (schemas/).' },
  { id: 'unknown-key', doc: 'A key the schema does not know, usually a typo.' },
  { id: 'id-mismatch', doc: 'The ID inside a file differs from its file name.' },
  { id: 'duplicate-id', doc: 'Two people share one ID.' },
  { id: 'unexpected-file', doc: 'A file in inventory/ where no kind of record belongs.' },
  { id: 'misplaced-file', doc: 'A record in the folder of another kind.' },
  { id: 'missing-file', doc: 'A file every inventory needs is missing.' },
  { id: 'unknown-rule', doc: 'org.yaml sets the severity of a rule that does not exist.', severity: 'warning' },
  { id: 'codeowners-stale', doc: '.github/CODEOWNERS no longer matches the owners in the inventory (run `lac codeowners`).', severity: 'warning' },
];
