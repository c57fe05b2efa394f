// Writes a synthetic organization: `node scripts/synth.ts --people 10000 --out /tmp/org [--seed 7] [--no-problems]`.
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
  },
});
const people = Number(values.people);
if (!values.out || !Number.isInteger(people) || people < 1) {
  process.stderr.write('usage: node scripts/synth.ts --people N --out DIR [--seed S] [--today YYYY-MM-DD] [--no-problems] [--missing-people N]\n');
  process.exit(2);
}
const started = performance.now();
const seed = /^\d+$/.test(values.seed) ? Number(values.seed) : values.seed;
const { stats } = await synthesizeTo(values.out, { people, seed, today: values.today, problems: !values['no-problems'], missingPeople: Number(values['missing-people']) });
const ms = Math.round(performance.now() - started);
process.stdout.write(`${values.out}: ${stats.people} people, ${stats.licenses} licenses, ${stats.vendors} vendors, ${stats.contracts} contracts, ${stats.seats} seats, ${stats.files} files (${ms} ms)\n`);
