#!/usr/bin/env node
// runs the TypeScript CLI directly: no build step between `npm install` and `npx lentera`
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
