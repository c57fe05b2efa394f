import type { AccountsByPerson } from '../analysis/activity.ts';
import type { Entitlement } from '../analysis/entitlement.ts';
import type { Severity } from '../findings/finding.ts';
import type { Inventory, Loc } from '../inventory/model.ts';
import type { Usage } from '../inventory/schema/index.ts';
import type { IsoDate } from '../util/dates.ts';

/** What every rule may read: the model, "today", and lookups computed once per check. */
export interface RuleContext {
  inv: Inventory;
  today: IsoDate;
  entitlements: Map<string, Entitlement>;
  /** `accountsByPerson` of a snapshot, built once per check whichever rules ask. */
  accounts(usage: Usage): AccountsByPerson;
}

export interface Emitted {
  loc: Loc;
  message: string;
  hint?: string;
  /** A softer severity than the rule's default for this case (e.g. a leaver who has not left yet). */
  severity?: Severity;
}

/** A check over the model. Pure: it reads the context and emits findings. */
export interface Rule {
  id: string;
  severity: Severity;
  /** One line: what it finds and why it matters. */
  doc: string;
  check(ctx: RuleContext, emit: (e: Emitted) => void): void;
}
