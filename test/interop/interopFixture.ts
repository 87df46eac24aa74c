import { execFileSync } from 'node:child_process';
import { createDemoProject } from '../../shared/demo/index.ts';
import type { DatasetInput } from '../../shared/formats/dataset.ts';

/**
 * The demo project made harder for other programs: metadata columns with Cyrillic and Kazakh
 * names (Район, Өңір, Дата обращения), a multi-line address, cells starting with `=`, `+`, `-`,
 * `@`, notes with line breaks and formulas, a variable label of more than 255 bytes (Kazakh,
 * two bytes a letter: SPSS must get it cut between letters), and the agency's response declared
 * ordinal (the demo has no ordinal variable: SPSS's ORDINAL level, R's ordered factor).
 */
/** 180 characters, 339 bytes in UTF-8. */
export const LONG_LABEL = 'Өтініш жолданған мемлекеттік органның толық атауы '.repeat(4).trim().slice(0, 180);

export function interopInput(): DatasetInput {
  const demo = createDemoProject();
  const formulas = ['=1+1', '+7 701 000 00 00', '-минус', '@SUM(A1)', '\'=HYPERLINK("x")'];
  const appeals = demo.appeals.map((appeal, i) => ({
    ...appeal,
    meta: {
      ...appeal.meta,
      Район: i % 3 === 0 ? 'Алматы' : 'Астана',
      Өңір: i % 2 === 0 ? 'Шығыс' : 'Батыс',
      'Дата обращения': appeal.meta.date ?? '',
      Адрес: i % 4 === 0 ? `ул. Абая, ${i}\nкв. ${i + 1}` : `пр. Республики ${i}`,
      Формула: formulas[i % formulas.length]!,
    },
  }));
  const codings = demo.codings.map((coding, i) =>
    i % 7 === 0 ? { ...coding, note: i % 2 === 0 ? `бірінші жол\r\nекінші ${i}` : `=1+${i}` } : coding,
  );
  const variables = demo.codebook.variables.map((variable) =>
    variable.id === 'response'
      ? { ...variable, kind: 'ordinal' as const }
      : variable.id === 'body'
        ? { ...variable, label: { kk: LONG_LABEL, ru: LONG_LABEL, en: LONG_LABEL } }
        : variable,
  );
  return { ...demo, codebook: { ...demo.codebook, variables }, appeals, codings, consensus: [] };
}

/**
 * Whether a program is on PATH. In CI (`KODTAU_INTEROP=require`, set by .ci/run) a missing
 * program is a failure, not a skip.
 */
export function hasProgram(name: string): boolean {
  try {
    execFileSync('which', [name], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.KODTAU_INTEROP === 'require')
      throw new Error(`${name} is not installed, and KODTAU_INTEROP=require: .ci/run installs it`);
    console.warn(`interop: ${name} is not installed; its tests are skipped (apt-get install it to run them)`);
    return false;
  }
}

/** Runs a program in `cwd` with a UTF-8 locale; stdout and stderr together. */
export function runProgram(program: string, args: string[], cwd: string): string {
  return execFileSync(program, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 300_000,
  });
}
