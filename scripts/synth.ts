// Writes a synthetic organization: `node scripts/synth.ts --people 10000 --out /tmp/org [--seed 7] [--no-problems] [--usage-accounts 42500]`.
// Issue 16's "XL" org: --people 100000 --usage-accounts 425000.
import { parseArgs } from 'node:util';
import { synthesizeTo } from '../src/synth/index.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    today: { type: 'string', default: '2026-11-23' },
    'no-problems': { type: 'boolean', default: false },
    'missing-people': { type: 'string', default: '0' },
    'usage-accounts': { type: 'string', default: '0' },
  },
});
const people = Number(values.people);
const usageAccounts = Number(values['usage-accounts']);
if (!values.out || !Number.isInteger(people) || people < 1 || !Number.isInteger(usageAccounts) || usageAccounts < 0) {
  process.stderr.write('usage: node scripts/synth.ts --people N --out DIR [--seed S] [--today YYYY-MM-DD] [--no-problems] [--missing-people N] [--usage-accounts N]\n');
  process.exit(2);
}
const started = performance.now();
const seed = /^\d+$/.test(values.seed) ? Number(values.seed) : values.seed;
const { stats } = await synthesizeTo(values.out, { people, seed, today: values.today, problems: !values['no-problems'], missingPeople: Number(values['missing-people']), usageAccounts });
const ms = Math.round(performance.now() - started);
process.stdout.write(`${values.out}: ${stats.people} people, ${stats.licenses} licenses, ${stats.vendors} vendors, ${stats.contracts} contracts, ${stats.seats} seats, ${stats.usageAccounts} usage accounts, ${stats.files} files (${ms} ms)\n`);
