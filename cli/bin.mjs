#!/usr/bin/env node
// The `kodtau` command. It runs the compiled bundle (cli/dist/, written by `npm run build:cli`,
// which `npm install` runs) when that is newer than every source it was built from; otherwise,
// as in a checkout whose cli/ or shared/ was just edited, tsx compiles the sources on the fly.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = `${root}cli/dist/kodtau.mjs`;

/** The newest modification time of the TypeScript files under `dir`. */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile() && entry.name.endsWith('.ts'))
      newest = Math.max(newest, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
  return newest;
}

const fresh =
  existsSync(bundle) &&
  statSync(bundle).mtimeMs >= Math.max(newestSource(`${root}cli`), newestSource(`${root}shared`));
let main;
if (fresh) ({ main } = await import('./dist/kodtau.mjs'));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./kodtau.ts'));
}
process.exitCode = await main(process.argv.slice(2));
