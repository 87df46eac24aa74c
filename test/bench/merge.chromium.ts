// The merge benchmark in Chromium (the app's engine), not Node: `npx tsx test/bench/merge.chromium.ts`.
// Bundles shared/merge and the benchmark input with esbuild, runs them in a blank Chromium page
// (Debian's, as the browser tests use), and prints the median of 3 runs against the 10 s target.
// Exit status 1 when the target is missed. Not part of `npm test`: figures depend on the machine.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';

const TARGET_MS = 10_000;
const dir = fileURLToPath(new URL('.', import.meta.url));

const bundle = await build({
  stdin: {
    contents: `
      import { mergeCoderFiles } from '../../shared/merge/index.ts';
      import { mergeBenchInput } from './mergeBenchInput.ts';
      globalThis.runMergeBench = () => {
        const { target, files } = mergeBenchInput();
        const times = [];
        for (let i = 0; i < 4; i++) {
          const start = performance.now();
          const outcome = mergeCoderFiles(target, [], files);
          if (outcome.changed.length !== 1_000_000) throw new Error('expected 1 000 000 codings');
          if (i > 0) times.push(performance.now() - start); // the first run warms up
        }
        return times.sort((a, b) => a - b);
      };`,
    resolveDir: dir,
    loader: 'ts',
  },
  bundle: true,
  format: 'iife',
  write: false,
  logLevel: 'error',
});

const browser = await chromium.launch({
  executablePath: process.env.KODTAU_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  await page.evaluate(bundle.outputFiles[0]!.text);
  const times = await page.evaluate(() =>
    (globalThis as unknown as { runMergeBench: () => number[] }).runMergeBench(),
  );
  const version = browser.version();
  const median = times[1]!;
  console.log(`Chromium ${version}: merge of 10 coder files × 100 000 codings`);
  console.log(
    `runs (ms): ${times.map((t) => t.toFixed(0)).join(', ')}; median ${median.toFixed(0)} ms; target ${TARGET_MS} ms; ${median <= TARGET_MS ? 'pass' : 'MISSED'}`,
  );
  process.exitCode = median <= TARGET_MS ? 0 : 1;
} finally {
  await browser.close();
}
