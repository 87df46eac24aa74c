import {
  isAlphaMinimum,
  requiredSample,
  SIGNIFICANCE_LEVELS,
  type SignificanceLevel,
} from '../../shared/agreement/index.ts';
import { EXIT, parseCommandArgs, usageError, type Command, type CommandIO } from '../io.ts';

const HELP = `Usage: kodtau plan [--alpha-min .667|.800|.900] [--p .10|.05|.01|.005]
                   (--smallest P | --categories Q) [--coders M] [--json]

How large the reliability (overlap) sample must be for Krippendorff's alpha to be told apart
from a minimum: Bloch & Kraemer (1989), eq. 3.7, as Krippendorff tabulates it (Content
Analysis, 4th ed., 2019, ch. 12, "Sampling Considerations").

Options:
  --alpha-min A   the smallest alpha the study accepts (default .800).
  --p P           level of significance (default .05).
  --smallest P    probability of the least frequent category, in (0, .5]: from a pilot, or
                  the smallest share observed so far.
  --categories Q  Q equally likely categories instead (p_c = 1/Q).
  --coders M      coders who code every unit of the sample (default 2).
  --json          print {"values", "units", "alphaMin", "p", "smallest", "coders"}.
  -h, --help      show this help.

"values" counts pairable values (Krippendorff's N_c); each unit coded by M coders gives M of
them, so the sample needs "units" = ceil(values / M) units coded by every coder.

Exit status: 0 success, 2 bad usage.
`;

const COMMAND = { name: 'plan', help: HELP, usageHint: 'see-help' } as const;

/** `kodtau plan`: the size of the reliability sample. */
export const planCommand: Command = {
  summary: 'size of the reliability (overlap) sample for a minimum alpha (Bloch & Kraemer 1989)',
  run,
};

/** '.05' or '0.05' → '0.05' when it is a level of the table; else null. */
function significance(text: string): SignificanceLevel | null {
  const value = Number(text);
  return SIGNIFICANCE_LEVELS.find((level) => Number(level) === value) ?? null;
}

async function run(args: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseCommandArgs(io, COMMAND, args, {
    'alpha-min': { type: 'string', default: '.800' },
    p: { type: 'string', default: '.05' },
    smallest: { type: 'string' },
    categories: { type: 'string' },
    coders: { type: 'string', default: '2' },
    json: { type: 'boolean', default: false },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length > 0) return usageError(io, COMMAND, 'takes no file');
  const alphaMin = Number(values['alpha-min']).toFixed(3);
  if (!isAlphaMinimum(alphaMin)) return usageError(io, COMMAND, '--alpha-min must be .667, .800 or .900');
  const p = significance(values.p);
  if (!p) return usageError(io, COMMAND, '--p must be .10, .05, .01 or .005');
  if ((values.smallest === undefined) === (values.categories === undefined))
    return usageError(io, COMMAND, 'give either --smallest or --categories');
  const categories = Number(values.categories);
  if (values.categories !== undefined && !(Number.isInteger(categories) && categories >= 2))
    return usageError(io, COMMAND, '--categories must be a whole number of at least 2');
  const smallest = values.smallest !== undefined ? Number(values.smallest) : 1 / categories;
  if (!(smallest > 0 && smallest <= 0.5)) return usageError(io, COMMAND, '--smallest must be in (0, .5]');
  const coders = Number(values.coders);
  if (!(Number.isInteger(coders) && coders >= 2))
    return usageError(io, COMMAND, '--coders must be a whole number of at least 2');

  const sample = requiredSample({ alphaMin, p, smallest, coders });
  io.out(
    values.json
      ? `${JSON.stringify({ ...sample, alphaMin: Number(alphaMin), p: Number(p), smallest, coders })}\n`
      : `To tell alpha from ${alphaMin.slice(1)} at p = ${p.slice(1)} with the smallest category at ` +
          `p_c = ${Number(smallest.toFixed(4))}: ${sample.values} pairable values, that is ${sample.units} ` +
          `units coded by each of ${coders} coders.\n`,
  );
  return EXIT.ok;
}
