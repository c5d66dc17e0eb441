#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx: no separate build step for the Node side.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/node/cli.ts');
await main(process.argv.slice(2));
