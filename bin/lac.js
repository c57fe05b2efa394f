#!/usr/bin/env node
// The `lac` command: the compiled CLI when built (an installed package), else the TypeScript source
// (a checkout, run by Node >= 22.18, which strips types itself).
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
const entry = existsSync(compiled) ? compiled : new URL('../src/cli/main.ts', import.meta.url);
const { main } = await import(entry.href);
process.exitCode = await main(process.argv);
