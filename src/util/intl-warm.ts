import { minorDigits } from './money.ts';
import { todayIn } from './dates.ts';

/**
 * Loads ICU's data for a date in a time zone and for a currency's minor unit, as todayIn and minorDigits
 * use them. The first of each in a process costs about 20-25 ms (ICU's bundles, zone rules, patterns); ICU
 * keeps them for the whole process, so a thread with time to spare can load them for a busier one: lac diff's
 * main thread does this while its worker thread loads, and the worker then finds them loaded (0.3 ms instead
 * of 20 ms, or about 60 ms when the two threads and git share two cores).
 */
export function warmIntl(): void {
  todayIn('UTC');
  minorDigits('USD');
}
