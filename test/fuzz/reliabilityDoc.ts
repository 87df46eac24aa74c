import { MAX_CODEBOOK_CHARS } from '../../shared/formats/codebookFile.ts';
import { MAX_QDC_DEPTH } from '../../shared/formats/qdc.ts';
import { MAX_COLUMNS } from '../../shared/import/importError.ts';
import { MAX_FILE_BYTES } from '../../shared/ipc/contract.ts';
import { MAX_JSON_DEPTH } from '../../shared/model/index.ts';
import { BYTE_FAULTS, JSON_FAULTS } from './mutate.ts';
import type { FuzzReport } from './runner.ts';

const number = (n: number) => n.toLocaleString('en-US').replace(/,/g, ' ');

/** docs/reliability.md from a fuzz run: what was tried, which faults, what survived. */
export function reliabilityMarkdown(report: FuzzReport): string {
  const total = (
    key: 'tried' | 'accepted' | 'own' | 'other' | 'hangs' | 'wrong' | 'generated' | 'mutated' | 'resigned',
  ) => report.readers.reduce((n, r) => n + r[key], 0);
  const bad = total('other') + total('hangs') + total('wrong');
  const rows = report.readers.map(
    (r) =>
      `| ${r.label} | ${number(r.tried)} | ${number(r.generated)} | ${number(r.mutated)} | ${number(r.accepted)} | ${number(r.own)} | ${r.other} | ${r.hangs} | ${r.name === 'csv' || r.name === 'xlsx' || r.name === 'json' || r.name === 'jsonl' || r.name === 'qdc' ? '—' : r.wrong} | ${r.slowestMs.toFixed(0)} |`,
  );
  const faults = [...BYTE_FAULTS, ...JSON_FAULTS].map(
    (fault) => `| ${fault} | ${number(report.readers.reduce((n, r) => n + r.faults[fault], 0))} |`,
  );
  const examples = report.readers.flatMap((r) =>
    r.examples.map((e) => `- ${r.label}, input ${e.index} (${e.outcome}): ${e.detail}`),
  );
  return `# Reliability: every reader against hostile files

<!-- Written by \`npm run fuzz -- --write-docs\` (test/fuzz/); do not edit by hand. -->

Every file that reaches Kodtau from outside — appeals to import, a project package, a coder
file, a project file, a codebook — goes through one reader in \`shared/\`. Each must either read
the file or refuse it with **its own error**, which the app words in the user's language and
\`kodtau\` prints as one line (exit status 1). Anything else — a \`TypeError\`, a stack
overflow, a value from \`Object.prototype\`, a hang — is a bug; so is a checksummed file read
although its content changed.

## The last run

Run on ${report.startedAt.slice(0, 10)} with seed \`${report.seed}\`, ${number(report.n)} inputs per reader,
Node ${report.node}, ${(report.seconds / 60).toFixed(1)} minutes; an input not done within
${report.hangMs / 1000} s counts as a hang. **${number(total('tried'))} inputs, ${number(bad)} other errors,
hangs or wrong acceptances.**

| Reader | Inputs | From the grammar | With faults | Read | Refused (own error) | Other error | Hangs > ${report.hangMs / 1000} s | Changed but read | Slowest (ms) |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

"Changed but read" applies to the checksummed files (package, coder file, project file, codebook
JSON): a file with a fault that was read must read as the file it was made from. Files whose
checksum the fuzzer wrote anew after the fault, as an editor would (${number(total('resigned'))} in this run),
are different files and are only required to be read or refused cleanly.
${examples.length > 0 ? `\nInputs that failed, to replay with \`npm run fuzz -- --reader <name> --from <input> -n 1\`:\n\n${examples.join('\n')}\n` : ''}
## What was tried

Each reader's inputs are numbered; input *i* is built from the seed and *i* alone
(\`test/fuzz/fuzzInput.ts\`), so a run can be repeated and one input replayed.

- **Real files** (seven in ten inputs): the demo project (its appeals as CSV with \`,\`, \`;\` and
  tab, as XLSX, JSON and JSON Lines; its package, its coders' files, its project file, its
  codebook as Kodtau JSON and as \`.qdc\` in kk, ru and en) and the import fixtures
  (\`test/fixtures/import\`: Windows-1251, RK1048 and UTF-16 files, a workbook), each with one to
  three faults injected.
- **Grammar** (three in ten; fast-check): tables of any width with names such as \`constructor\`
  and \`__proto__\` and cells of any Unicode; JSON records with nested values; project packages,
  coder files and project files built from generated projects, appeals, coders and codings;
  codebooks with generated ids and codes; \`.qdc\` trees of codes with any names, unknown
  attributes, repeated Descriptions and nesting. Half of these then get faults too.

Faults injected (${number(total('mutated'))} inputs had at least one):

| Fault | Times |
| --- | ---: |
${faults.join('\n')}

A token inserted is one of: names that are JavaScript's own (\`__proto__\`, \`constructor\`,
\`toString\`, \`hasOwnProperty\`, \`prototype\`) alone or as JSON keys, JSON nested 100 and 5 000
deep, 100 000 open brackets, a DOCTYPE with an entity, entity and character references,
\`<constructor>\` and \`<__proto__>\` elements, repeated \`<Description>\`, stray \`<Code>\` tags,
CDATA, a byte-order mark, NUL, U+FFFD, a lone surrogate, quotes, CR, LF, delimiters, \`1e999\`,
\`-0\`, 2⁵³ + 1, an Excel formula, HTML and Kazakh letters. A structural fault replaces a JSON
node with another type, a date that is not one, 100 000 characters or an 800-deep object; removes
one; adds a key named \`__proto__\`, \`constructor\`, \`toString\` or \`hasOwnProperty\`; or repeats an
item.

## The limits

| Limit | Value | Refused with |
| --- | ---: | --- |
| File size (the app's file reader) | ${number(MAX_FILE_BYTES / 1024 / 1024)} MiB | the file dialog's error |
| Columns of an appeals file | ${number(MAX_COLUMNS)} | \`import.errors.tooManyColumns\` |
| Nesting of JSON (appeals, package, project file; canonical JSON) | ${MAX_JSON_DEPTH} levels | \`import.errors.tooDeep\`, \`package.errors.tooDeep\`, project file \`tooDeep\` |
| Nesting of Codes in a \`.qdc\` | ${MAX_QDC_DEPTH} levels | \`codebook.fileError.tooDeep\` |
| Size of a codebook file | ${number(MAX_CODEBOOK_CHARS)} characters | \`codebook.fileError.tooLarge\` |

Kodtau's own files nest at most 7 levels. A coder file is read field by field (its schema drops
unknown keys before anything walks them), so an unknown key nested deeper than the limit is
ignored rather than refused; its checksum covers exactly the known fields.

## The small files that once took the app down

Each has a test (\`test/shared/hostileInputs.test.ts\`, \`test/cli/hostile.test.ts\`):
a \`.qdc\` with an element or attribute named \`constructor\` or \`__proto__\` (read: such names
are renamed before the XML parser makes keys of them), with more than ${MAX_QDC_DEPTH} nested Codes (refused by
name), with two Descriptions in one code (joined); a package or project file with an extra key
nested 5 000 deep (refused: \`tooDeep\`); JSON appeals nested 100 000 deep (refused: \`tooDeep\`);
a CSV with 1 000 000 columns (refused: \`tooManyColumns\`; the column guess no longer spreads the
columns into \`Math.max\`); metadata columns named \`constructor\`, \`toString\` or \`__proto__\`
(kept as ordinary own keys through import, package and export, read with \`Object.hasOwn\`);
\`kodtau merge\` on a file holding \`null\` and \`kodtau constructor\` (one line, exit status 1 or 2).

Should a screen still throw while it renders, an error boundary shows a message in the user's
language in its place — the work is kept, the menu and every other screen still work — instead
of a white window (\`renderer/components/ErrorBoundary.tsx\`, tested for every screen in
\`test/renderer/components/ErrorBoundary.test.tsx\`).

## Repeating it

\`\`\`sh
npm run fuzz                          # 10 000 inputs per reader: minutes on 2 idle cores, a quarter of an hour on busy ones
npm run fuzz -- -n 500 --reader qdc   # a quick look at one reader
npm run fuzz -- --write-docs          # the full run, and this page from it
\`\`\`

\`npm test\` runs 500 inputs per reader (\`test/shared/fuzz.test.ts\`) and fails on any other
error, hang or wrong acceptance.
`;
}
