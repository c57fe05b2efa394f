// The forecast's method in plain words: printed by `lac forecast` and stated on the site's Forecast page.

export const SPEND_METHOD =
  'Each month\'s spend is what `lac report --period` accrues for it (the same accrual and chargeback), over the contracts on file and the renewals the forecast assumes. A contract renews at the end of its term in force unless its renewal decision is cancel, a successor contract replaces it, or its term already ended without renewing; each renewal term is as long as the contract\'s renewal term. A renewed line buys the quantity the renewals module recommends from measured use (peak seats in use plus headroom), less the seats of known leavers gone by the renewal and plus the seats access policies grant known joiners started by then, in whole packs; without a usage figure it buys what it buys today. Unit prices rise by the contract\'s escalator at each renewal, compounding. Contracts bill by the quantity bought, so a leaver\'s seat is paid until the renewal: leavers lower the renewal quantity, not the spend of the term in force.';

export const DEMAND_METHOD =
  'Seats in use in each version of the license\'s usage snapshot in git history (enabled accounts active within the license\'s inactive_days; for concurrent licenses the peak in use), the latest of each day: the count the renewal recommendation reads. The trend is the ordinary least-squares straight line through those points (x: the day, y: seats in use), read at each forecast month\'s last day and never below 0; its slope is given per month of 365.25/12 days.';

export const HEADCOUNT_METHOD =
  'People present (started, and not left) at each of the last 12 month ends, per department, as people.yaml stood at the end of that day in git; the trend is the least-squares straight line through those counts. Beside it, "known" counts the people today\'s people.yaml has present at each forecast month end: its recorded start dates (joiners) and end dates (leavers), and nobody else.';

export const BACKTEST_METHOD =
  'The spend forecast made from the inventory as it stood at the end of the month seven months ago, for the six months after it, is compared with the spend of each of those months as `lac report --period` computes it from the inventory as it stood at that month\'s end (renewals are usually written over the old term, so a month\'s own inventory is the record of it). Error = forecast − actual; the percentage error is |error| / actual; MAPE is the mean of the months\' percentage errors.';
