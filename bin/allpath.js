#!/usr/bin/env node
// The command line runs the compiled sources; `npm install` builds them (the `prepare` script).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv);
