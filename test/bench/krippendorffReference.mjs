// The reference for `kodtau agreement`'s start-to-finish time (test/bench/cli.bench.ts): a Node
// script that reads the same matrix CSV (header of coder names, a row per unit, empty = missing)
// and computes Krippendorff's α alone with the npm `krippendorff` package.
import { readFileSync } from 'node:fs';
import { alpha } from 'krippendorff';

const [header, ...rows] = readFileSync(process.argv[2], 'utf8').trim().split('\n');
const ratings = header.split(',').map(() => []);
for (const row of rows) row.split(',').forEach((cell, coder) => ratings[coder].push(cell || undefined));
console.log(alpha(ratings));
