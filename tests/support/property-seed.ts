// Every property test draws from one fixed seed, so that a run's verdict is the same on every
// machine and every CI run. To look for new counterexamples, run with another seed:
//   LAC_PROPERTY_SEED=123 npx vitest run tests/diff/incremental.test.ts
// and turn any failure it prints into an `examples` entry of that test.
import fc from 'fast-check';

const seed = Number(process.env.LAC_PROPERTY_SEED ?? 20261203);
if (!Number.isSafeInteger(seed)) throw new Error(`LAC_PROPERTY_SEED must be an integer, not ${process.env.LAC_PROPERTY_SEED}`);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
