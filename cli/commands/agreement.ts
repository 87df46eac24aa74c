import { readFile } from 'node:fs/promises';
import {
  agreementReport,
  isAlphaMinimum,
  LEVELS,
  reliabilityDecision,
  REASON_TEXT,
  reliabilityData,
  WEIGHTS,
  type AgreementReport,
  type AlphaMinimum,
  type Coefficient,
  type ReliabilityDecision,
  type Verdict,
  type Level,
  type Weights,
} from '../../shared/agreement/index.ts';
import {
  MatrixError,
  readAgreementMatrix,
  type AgreementMatrix,
} from '../../shared/agreement/agreementMatrix.ts';
import { EXIT, inputError, parseCommandArgs, usageError, type Command, type CommandIO } from '../io.ts';

const HELP = `Usage: kodtau agreement <matrix.csv> [--level nominal|ordinal|interval|ratio]
                        [--weights linear|quadratic] [--bootstrap N] [--seed S]
                        [--categories a,b,…] [--alpha-min .667|.800|.900] [--json]

Inter-coder agreement of one variable.

matrix.csv   first row: coder names; each further row: one unit; each cell: that coder's
             value (text or number); an empty cell is a missing value. Comma, semicolon or
             tab separated; UTF-8 with or without BOM.

Options:
  --level L      metric of Krippendorff's alpha: nominal (default), ordinal, interval, ratio.
                 Ordinal text values are ordered by code point; use numbers to fix the order.
  --weights W    linear or quadratic weights (from category order) for Cohen's kappa,
                 Scott's pi, Fleiss' kappa, Conger's kappa, Gwet's AC (AC2) and
                 Brennan-Prediger. Default: unweighted.
  --categories L the codebook's categories in order, comma separated (as the app's ReCal
                 export names them). They fix the order (ordinal alpha, weights) and the
                 number of categories q of AC1 and Brennan-Prediger; without it, q is the
                 number of categories observed. A value not in the list is an error.
  --bootstrap N  N bootstrap samples for alpha's 95% interval (Hayes & Krippendorff 2007).
  --seed S       seed of the bootstrap (default 1): the same seed gives the same interval.
  --alpha-min A  decide reliability against this minimum alpha (.667, .800 or .900): q, the
                 probability that alpha falls below it (the share of bootstrap alphas below;
                 Hayes & Krippendorff 2007), and the verdict: established when q <= .05, not
                 established when alpha < A, else uncertain. Bootstraps 1000 samples unless
                 --bootstrap says otherwise. With --json adds alphaMin, q and verdict.
  --json         print one JSON object: units, coders, categories, level, percentAgreement,
                 krippendorffAlpha, alphaCI95, cohenKappa, scottPi, fleissKappa, congerKappa,
                 gwetAC1, brennanPrediger. Numbers are unrounded; null where a coefficient does
                 not apply. "units" counts the units coded by two or more coders, "categories"
                 the categories observed.
  -h, --help     show this help.

Exit status: 0 success, 1 bad input (the message names the row), 2 bad usage.
`;

const COMMAND = { name: 'agreement', help: HELP, usageHint: 'see-help' } as const;

/** `kodtau agreement`: reads a matrix CSV and prints every agreement coefficient. */
export const agreementCommand: Command = {
  summary: 'inter-coder agreement of one variable from a coders × units matrix CSV',
  run,
};

async function run(args: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseCommandArgs(io, COMMAND, args, {
    level: { type: 'string' },
    weights: { type: 'string' },
    bootstrap: { type: 'string' },
    seed: { type: 'string' },
    categories: { type: 'string' },
    'alpha-min': { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return usageError(io, COMMAND, 'expected exactly one matrix CSV file');
  const level = (values.level ?? 'nominal') as Level;
  if (!LEVELS.includes(level)) return usageError(io, COMMAND, `--level must be one of ${LEVELS.join(', ')}`);
  const weights = (values.weights ?? null) as Weights | null;
  if (weights !== null && !WEIGHTS.includes(weights))
    return usageError(io, COMMAND, `--weights must be one of ${WEIGHTS.join(', ')}`);
  let bootstrap = 0;
  if (values.bootstrap !== undefined) {
    bootstrap = Number(values.bootstrap);
    if (!/^\d+$/.test(values.bootstrap) || bootstrap < 1)
      return usageError(io, COMMAND, '--bootstrap must be a positive integer');
  }
  const alphaMin = values['alpha-min'] === undefined ? undefined : alphaMinimum(values['alpha-min']);
  if (alphaMin === null) return usageError(io, COMMAND, '--alpha-min must be .667, .800 or .900');
  if (alphaMin && bootstrap === 0) bootstrap = 1000;
  const seed =
    values.seed === undefined ? 1 : /^-?\d+$/.test(values.seed) ? Number(values.seed) : values.seed;

  const file = positionals[0]!;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code ? `cannot read (${code})` : 'is not UTF-8 text';
    return inputError(io, COMMAND, `${file}: ${reason}`);
  }

  let matrix: AgreementMatrix;
  try {
    matrix = readAgreementMatrix(text);
  } catch (error) {
    if (error instanceof MatrixError) return inputError(io, COMMAND, `${file}: ${error.message}`);
    throw error;
  }
  const categories = values.categories?.split(',').map((c) => c.trim());
  let data;
  try {
    data = reliabilityData(matrix.units, categories ? { categories } : {});
  } catch (error) {
    if (error instanceof RangeError)
      return inputError(io, COMMAND, `${file}: ${error.message} (--categories)`);
    throw error;
  }
  if (level === 'interval' || level === 'ratio') {
    for (let c = 0; c < data.categories.length; c++) {
      if (!Number.isNaN(data.numeric[c]!)) continue;
      const unit = data.firstUnit[c]!;
      const coder = matrix.units[unit]!.findIndex((v) => v === data.categories[c]);
      return inputError(
        io,
        COMMAND,
        `${file}: row ${matrix.rowNumbers[unit]} (line ${matrix.lineNumbers[unit]}), coder "${matrix.coders[coder]}": ` +
          `"${data.categories[c]}" is not a number, but --level ${level} needs numbers`,
      );
    }
  }
  const report = agreementReport(data, { level, weights, bootstrap, seed });
  const alpha = report.krippendorffAlpha.value;
  const boot = report.alphaBootstrap;
  const decision =
    alphaMin && alpha !== null && 'ci95' in boot ? reliabilityDecision(alpha, boot, alphaMin) : undefined;
  if (values.json) {
    const json = toJson(report);
    io.out(
      `${JSON.stringify(alphaMin ? { ...json, alphaMin: Number(alphaMin), q: decision?.q ?? null, verdict: decision?.verdict ?? null } : json)}\n`,
    );
  } else io.out(formatTable(report, matrix, file, decision));
  return EXIT.ok;
}

/** '.8', '0.8' or '0.800' → '0.800'; null for any other minimum. */
function alphaMinimum(text: string): AlphaMinimum | null {
  const value = Number(text);
  const key = Number.isFinite(value) ? value.toFixed(3) : '';
  return isAlphaMinimum(key) ? key : null;
}

const VERDICT_TEXT: Record<Verdict, string> = {
  established: 'reliability established',
  uncertain: 'not established: the sample cannot tell alpha from the minimum',
  'not-established': 'not established: alpha is below the minimum',
};

/** The JSON object scripts depend on; its keys are fixed. */
function toJson(report: AgreementReport) {
  const boot = report.alphaBootstrap;
  return {
    units: report.units,
    coders: report.coders,
    categories: report.categories.length,
    level: report.level,
    percentAgreement: report.percentAgreement.value,
    krippendorffAlpha: report.krippendorffAlpha.value,
    alphaCI95: 'ci95' in boot ? [boot.ci95[0], boot.ci95[1]] : null,
    cohenKappa: report.cohenKappa.value,
    scottPi: report.scottPi.value,
    fleissKappa: report.fleissKappa.value,
    congerKappa: report.congerKappa.value,
    gwetAC1: report.gwetAC.value,
    brennanPrediger: report.brennanPrediger.value,
  };
}

function formatTable(
  report: AgreementReport,
  matrix: AgreementMatrix,
  file: string,
  decision: ReliabilityDecision | undefined,
): string {
  const f = (x: number | null) => (x === null ? '' : x.toFixed(3));
  const weighted = report.weights ? ` (${report.weights} weights)` : '';
  const lines: string[] = [
    `Agreement: ${file}`,
    `Units: ${report.units} coded by two or more coders (of ${report.unitsTotal})   Coders: ${report.coders}   ` +
      `Categories: ${report.categories.length}   Level: ${report.level}   Weights: ${report.weights ?? 'none'}`,
    '',
  ];
  const rows: [string, Coefficient][] = [
    ['Percent agreement', report.percentAgreement],
    [`Krippendorff's alpha (${report.level})`, report.krippendorffAlpha],
    [`Cohen's kappa${weighted}`, report.cohenKappa],
    [`Scott's pi${weighted}`, report.scottPi],
    [`Fleiss' kappa${weighted}`, report.fleissKappa],
    [`Conger's kappa${weighted}`, report.congerKappa],
    [report.weights ? `Gwet's AC2${weighted}` : "Gwet's AC1", report.gwetAC],
    [`Brennan-Prediger${weighted}`, report.brennanPrediger],
  ];
  const width = Math.max(...rows.map(([name]) => name.length)) + 2;
  lines.push(`${'Coefficient'.padEnd(width)}${'value'.padStart(8)}${'SE'.padStart(8)}   note`);
  for (const [name, c] of rows) {
    let note = c.reason ? REASON_TEXT[c.reason] : '';
    if (c === report.krippendorffAlpha && c.value !== null) {
      const boot = report.alphaBootstrap;
      note =
        'ci95' in boot
          ? `95% CI [${f(boot.ci95[0])}, ${f(boot.ci95[1])}] (bootstrap ${boot.samples}, seed ${boot.seed})`
          : '';
      note += `${note ? '; ' : ''}${c.value >= 0.8 ? 'reliable (>= .800)' : c.value >= 0.667 ? 'tentative (>= .667)' : 'below .667'}`;
    }
    lines.push(
      `${name.padEnd(width)}${(c.value === null ? '—' : f(c.value)).padStart(8)}${f(c.standardError).padStart(8)}   ${note}`.trimEnd(),
    );
  }
  if (decision)
    lines.push(
      '',
      `Against alpha_min = ${decision.alphaMin.slice(1)}: q = ${decision.q.toFixed(3)} (probability that alpha < ${decision.alphaMin.slice(1)}), ` +
        `95% CI lower bound ${f(decision.lower)}: ${VERDICT_TEXT[decision.verdict]}`,
    );
  lines.push(
    '',
    'Per category (present/absent):',
    `${'category'.padEnd(24)}${'n'.padStart(8)}${'specific'.padStart(10)}${'alpha'.padStart(8)}`,
  );
  for (const c of report.perCategory) {
    lines.push(
      `${c.category.slice(0, 23).padEnd(24)}${String(Math.round(c.count * 1000) / 1000).padStart(8)}${f(c.specificAgreement).padStart(10)}${(c.alpha.value === null ? '—' : f(c.alpha.value)).padStart(8)}`,
    );
  }
  if (report.pairwise.length > 0) {
    lines.push(
      '',
      'Pairs of coders:',
      `${'coder'.padEnd(16)}${'coder'.padEnd(16)}${'units'.padStart(7)}${'agree'.padStart(8)}${'kappa'.padStart(8)}`,
    );
    for (const p of report.pairwise) {
      lines.push(
        `${matrix.coders[p.a]!.slice(0, 15).padEnd(16)}${matrix.coders[p.b]!.slice(0, 15).padEnd(16)}${String(p.units).padStart(7)}${f(p.percentAgreement).padStart(8)}${(p.kappa.value === null ? '—' : f(p.kappa.value)).padStart(8)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
