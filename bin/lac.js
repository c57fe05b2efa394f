#!/usr/bin/env node
// Entry point of the published command: runs the compiled CLI (built by `npm run build`, or by `prepare` on install).
import { main } from '../dist/cli/main.js';
process.exitCode = await main(process.argv);
