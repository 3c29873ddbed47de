#!/usr/bin/env node
// The installed entry point: the compiled CLI (built by `npm install` via the prepare script).
import { main } from '../dist/cli/main.js';
process.exitCode = await main(process.argv.slice(2));
