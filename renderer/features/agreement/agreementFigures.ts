import {
  agreementReport,
  crossTable,
  multiChoiceReport,
  reliabilityData,
  type AgreementReport,
  type Coefficient,
  type MultiChoiceReport,
} from '../../../shared/agreement/index.ts';
import { codingRows, type CodingRows } from '../../../shared/agreement/codingRows.ts';
import type { CsvCell } from '../../../shared/csv/writeCsv.ts';
import type { CodedAnswer, Variable } from '../../../shared/model/index.ts';

/** Seeded, so the interval in a report is reproducible (Hayes & Krippendorff 2007). */
export const BOOTSTRAP = { bootstrap: 1000, seed: 1 } as const;

/** Which codings the figures are computed on. */
export interface Subset {
  /** The coders compared; empty means every coder. */
  coders: readonly string[];
  /** Appeal dates (metadata `date`, ISO) from and to, inclusive; '' for open. */
  from: string;
  to: string;
  /** Only appeals every chosen coder coded (the overlap sample), per variable. */
  overlapOnly: boolean;
}

export const ALL: Subset = { coders: [], from: '', to: '', overlapOnly: false };

/** The codings of the subset: chosen coders, appeals in the date range (`dates`: appeal id → ISO date). */
export function subsetCodings<C extends Pick<CodedAnswer, 'coderId' | 'appealId'>>(
  codings: readonly C[],
  dates: ReadonlyMap<string, string>,
  subset: Subset,
): C[] {
  const coders = subset.coders.length > 0 ? new Set(subset.coders) : null;
  const inRange = (appealId: string) => {
    if (!subset.from && !subset.to) return true;
    const date = dates.get(appealId)?.slice(0, 10) ?? '';
    return !!date && (!subset.from || date >= subset.from) && (!subset.to || date <= subset.to);
  };
  return codings.filter((c) => (!coders || coders.has(c.coderId)) && inRange(c.appealId));
}

/** The variable's figures on a subset; `rows` is exactly the matrix the engine was given. */
export interface VariableFigures {
  variable: Variable;
  rows: CodingRows<string | null> | CodingRows<string[] | null>;
  units: number;
  coders: number;
  alpha: Coefficient;
  ci: readonly [number, number] | null;
  percent: Coefficient | null;
  cohen: Coefficient | null;
  fleiss: Coefficient | null;
  ac1: Coefficient | null;
  bp: Coefficient | null;
  /** Single choice and ordinal. */
  report: AgreementReport | null;
  /** Multiple choice. */
  multi: MultiChoiceReport | null;
}

function keepOverlap<T>(rows: CodingRows<T | null>): CodingRows<T | null> {
  const keep = rows.rows.map((row) => row.every((cell) => cell !== null));
  return {
    ...rows,
    appeals: rows.appeals.filter((_, i) => keep[i]),
    rows: rows.rows.filter((_, i) => keep[i]),
  };
}

/**
 * Every figure of one variable, from the shared engine (units × coders from `codingRows`); with
 * `bootstrap` false, α's interval is left out. The agreement worker computes the same figures
 * from decoded answer blocks (`unitFigures` in agreementUnits.ts).
 */
export function variableFigures(
  variable: Variable,
  codings: readonly CodedAnswer[],
  overlapOnly = false,
  bootstrap = true,
): VariableFigures {
  const categories = variable.categories.map((c) => c.code);
  if (variable.kind === 'multi') {
    const all = codingRows(codings, variable, true);
    const rows = overlapOnly ? keepOverlap(all) : all;
    const multi = multiChoiceReport(rows.rows, { categories });
    return {
      variable,
      rows,
      units: multi.perCategory[0]?.report.units ?? 0,
      coders: rows.coders.length,
      alpha: multi.setAlpha.masi,
      ci: null,
      percent: null,
      cohen: null,
      fleiss: null,
      ac1: null,
      bp: null,
      report: null,
      multi,
    };
  }
  const all = codingRows(codings, variable);
  const rows = overlapOnly ? keepOverlap(all) : all;
  const report = agreementReport(rows.rows, {
    categories,
    level: variable.kind === 'ordinal' ? 'ordinal' : 'nominal',
    ...(bootstrap ? BOOTSTRAP : {}),
  });
  return {
    variable,
    rows,
    ...reportFigures(report),
    ci: 'ci95' in report.alphaBootstrap ? report.alphaBootstrap.ci95 : null,
  };
}

/** A single-choice variable's figures, as its report gives them (the interval apart). */
export function reportFigures(report: AgreementReport) {
  return {
    units: report.units,
    coders: report.coders,
    alpha: report.krippendorffAlpha,
    percent: report.percentAgreement,
    cohen: report.cohenKappa,
    fleiss: report.fleissKappa,
    ac1: report.gwetAC,
    bp: report.brennanPrediger,
    report,
    multi: null,
  };
}

export type Reliability = 'reliable' | 'tentative' | 'unreliable' | 'none';

/** Krippendorff's (2004, p. 241) conventions: α ≥ .800 reliable, ≥ .667 tentative conclusions. */
export function reliability(alpha: number | null): Reliability {
  if (alpha === null) return 'none';
  return alpha >= 0.8 ? 'reliable' : alpha >= 0.667 ? 'tentative' : 'unreliable';
}

/** Two coders' confusion matrix over the units both coded, in codebook order, with the appeals of each cell. */
export interface Confusion {
  categories: string[];
  /** counts[k][l]: units coder a put in k and coder b in l. */
  counts: number[][];
  appeals: (k: number, l: number) => string[];
}

export function confusion(figures: VariableFigures, a: number, b: number): Confusion {
  const categories = figures.variable.categories.map((c) => c.code);
  const rows = figures.rows as CodingRows<string | null>;
  const data = reliabilityData(rows.rows, { categories });
  const { table } = crossTable(data, a, b);
  const q = categories.length;
  return {
    categories,
    counts: categories.map((_, k) => categories.map((__, l) => table[k * q + l]!)),
    appeals: (k, l) =>
      rows.appeals.filter((_, i) => rows.rows[i]![a] === categories[k] && rows.rows[i]![b] === categories[l]),
  };
}

/**
 * The matrix the figures were computed on, as ReCal and `kodtau agreement` read it: a header of
 * coder names, one row per appeal, each cell the category's numeric value (empty when missing).
 * With `--categories` set to `categoryValues`, `kodtau agreement` gives the same figures.
 */
export function recalMatrix(figures: VariableFigures, coderName: (id: string) => string): CsvCell[][] {
  const value = new Map(figures.variable.categories.map((c) => [c.code, c.value]));
  const rows = figures.rows as CodingRows<string | null>;
  return [
    rows.coders.map(coderName),
    ...rows.rows.map((row) => row.map((code) => (code === null ? '' : value.get(code)))),
  ];
}

/** The categories' numeric values in codebook order, for `kodtau agreement --categories`. */
export function categoryValues(variable: Variable): string {
  return variable.categories.map((c) => c.value).join(',');
}
