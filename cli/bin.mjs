#!/usr/bin/env node
// The `kodtau` command. tsx compiles the TypeScript sources on the fly, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./kodtau.ts');
process.exitCode = await main(process.argv.slice(2));
