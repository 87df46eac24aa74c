import type { TFunction } from 'i18next';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/csv/parseCsv.ts';
import { LANGS, type Lang, type LocalizedText } from '../../shared/model/index.ts';
import { formatNumber, LANGUAGE_NAMES, LOCALES } from '../../renderer/i18n.ts';
import { encodeWindows1251 } from '../fixtures/import/fixtures.ts';
import { chooseFiles, download, nav, shot, useBrowser } from './browser.ts';
import { translator } from './locale.ts';

/**
 * The whole study, once per interface language, as DESIGN.md tells it: a supervisor imports the
 * appeals and writes the codebook, two coders on their own laptops (browser profiles) code their
 * packages with the keyboard, and the supervisor merges, checks agreement, adjudicates and
 * exports. Every answer is planned here, so the exported file is checked against the plan, not
 * against what the app computes.
 */
const newPage = useBrowser();

// ---------------------------------------------------------------------------------------------
// The appeals: a Windows-1251 CSV with `;`, quoted fields holding `;`, quotes and line breaks.

const APPEAL_COUNT = 40;
const CITIES = ['Алматы', 'Астана', 'Шымкент', 'Караганда'];
const OPENINGS = ['Прошу разобраться', 'Обращаюсь повторно', 'Помогите, пожалуйста', 'Жалоба на акимат'];
const COMPLAINTS = [
  'участковый требовал деньги за регистрацию; квитанцию не выдал',
  'третий месяц нет ответа на заявление о возврате переплаты',
  'сотрудник ЦОНа нагрубил и отказал в приёме документов',
  'судебный исполнитель не исполняет решение, ссылаясь на "нехватку времени"',
];

/** The region the appeal is about (index into REGION's categories): 14, 11, 8 and 7 appeals. */
const regionOf = (i: number) => (i < 14 ? 0 : i < 25 ? 1 : i < 33 ? 2 : 3);

const APPEALS = Array.from({ length: APPEAL_COUNT }, (_, i) => ({
  id: String(101 + i),
  date: `2019-08-${String(1 + (i % 28)).padStart(2, '0')}`,
  region: CITIES[regionOf(i)]!,
  text:
    `${OPENINGS[i % 4]} (№ ${101 + i}).\n${COMPLAINTS[(i * 3) % 4]}.` +
    (i % 3 === 0 ? '\nС уважением,\nзаявитель' : ''),
}));

const csvField = (value: string) => (/[;"\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const CSV = encodeWindows1251(
  [
    '№;Дата;Регион;Текст обращения',
    ...APPEALS.map((a) => [a.id, a.date, a.region, a.text].map(csvField).join(';')),
  ].join('\r\n'),
);

// ---------------------------------------------------------------------------------------------
// The codebook, typed in kk, ru and en. Values and keys are the editor's own: 1, 2, 3… in order.

interface PlannedVariable {
  id: 'reason' | 'region' | 'response';
  kind: 'single' | 'multi';
  label: Required<LocalizedText>;
  categories: { code: string; label: Required<LocalizedText> }[];
}

const CODEBOOK: PlannedVariable[] = [
  {
    id: 'reason',
    kind: 'multi',
    label: { kk: 'Өтініштің себебі', ru: 'Причина обращения', en: 'Reason for the appeal' },
    categories: [
      { code: 'bribe', label: { kk: 'Пара талап ету', ru: 'Вымогательство взятки', en: 'Bribe demanded' } },
      { code: 'delay', label: { kk: 'Сөзбұйдаға салу', ru: 'Волокита', en: 'Red tape' } },
      { code: 'rude', label: { kk: 'Дөрекілік', ru: 'Грубость', en: 'Rudeness' } },
    ],
  },
  {
    id: 'region',
    kind: 'single',
    label: { kk: 'Өңір', ru: 'Регион', en: 'Region' },
    categories: [
      { code: 'almaty', label: { kk: 'Алматы қаласы', ru: 'г. Алматы', en: 'Almaty city' } },
      { code: 'astana', label: { kk: 'Астана қаласы', ru: 'г. Астана', en: 'Astana city' } },
      { code: 'shymkent', label: { kk: 'Шымкент қаласы', ru: 'г. Шымкент', en: 'Shymkent city' } },
      {
        code: 'karaganda',
        label: { kk: 'Қарағанды облысы', ru: 'Карагандинская область', en: 'Karaganda region' },
      },
    ],
  },
  {
    id: 'response',
    kind: 'single',
    label: { kk: 'Органның жауабы', ru: 'Ответ органа', en: "Agency's response" },
    categories: [
      { code: 'replied', label: { kk: 'Жауап берілді', ru: 'Ответ дан', en: 'Replied' } },
      { code: 'no_reply', label: { kk: 'Жауап жоқ', ru: 'Ответа нет', en: 'No reply' } },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// The answers. An answer is, per variable, the indexes of the chosen categories ([] on the
// multiple-choice reason is "none of these", key 0).

type Answer = number[][];

/** What the first coder, and any coder of an appeal only they code, answers. */
function firstAnswer(i: number): Answer {
  const reason = i % 7 === 3 ? [] : [i % 3, ...(i % 5 === 0 ? [(i + 1) % 3] : [])];
  return [reason.sort(), [regionOf(i)], [i % 3 === 0 ? 1 : 0]];
}

/** The second coder on the overlap sample (its `k`th appeal): a few planned disagreements. */
function secondAnswer(i: number, k: number): Answer {
  const [reason, region, response] = firstAnswer(i) as [number[], number[], number[]];
  const otherReason =
    k % 6 === 0
      ? reason.length
        ? []
        : [1]
      : k % 6 === 3
        ? [...reason, [0, 1, 2].find((c) => !reason.includes(c))!].sort()
        : reason;
  return [
    otherReason,
    k % 4 === 1 ? [(region[0]! + 1) % 4] : region,
    k % 5 === 2 ? [1 - response[0]!] : response,
  ];
}

/** Whose answer the supervisor takes on a disagreement: 0 the first coder, 1 the second. */
const taken = (i: number, variable: number) => (i + variable) % 2;

interface Study {
  lang: Lang;
  /** The two coders, as the supervisor names them; each signs in under that name. */
  coders: [string, string];
  project: string;
  supervisor: string;
}

const STUDIES: Study[] = [
  { lang: 'kk', coders: ['Әйгерім', 'Дәулет'], project: 'Өтініштер 2019', supervisor: 'Жетекші' },
  { lang: 'ru', coders: ['Айгерим', 'Дмитрий'], project: 'Обращения 2019', supervisor: 'Руководитель' },
  { lang: 'en', coders: ['Aigerim', 'Dmitry'], project: 'Appeals 2019', supervisor: 'Supervisor' },
];

interface Package {
  appeals: { id: string }[];
  assignment: { coder: string; overlap: string[] };
}

describe('the whole study in the browser', () => {
  for (const study of STUDIES) {
    it(
      `runs in ${study.lang}: import, codebook, packages, two coders, merge, agreement, adjudication, tables, export`,
      {
        timeout: 240_000,
      },
      async () => {
        const { lang } = study;
        const t = await translator(lang);
        const number = (n: number, digits?: number) =>
          formatNumber(
            n,
            lang,
            digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits },
          );
        let screen = 0;
        /** Every screen of the run, numbered in order: screenshots/study-<lang>-NN-<name>.png. */
        const keep = (page: Page, name: string) =>
          shot(page, `study-${lang}-${String(++screen).padStart(2, '0')}-${name}`);

        // The supervisor: a new project from the CSV.
        const supervisor = await newPage(LOCALES[lang]);
        await supervisor.getByRole('textbox').fill(study.supervisor);
        await keep(supervisor, 'first-run');
        await supervisor.getByRole('button', { name: t('firstRun.startEmpty') }).click();
        await supervisor.getByRole('heading', { name: t('projects.title') }).waitFor();
        await keep(supervisor, 'projects-empty');
        await chooseFiles(supervisor, t('import.newProjectFromFile'), [
          { name: 'appeals-2019.csv', buffer: Buffer.from(CSV) },
        ]);
        const wizard = supervisor.getByRole('region', { name: t('import.wizard.title') });
        await wizard
          .getByText('участковый требовал деньги за регистрацию', { exact: false })
          .first()
          .waitFor();
        expect(await wizard.getByLabel(t('import.wizard.encoding')).inputValue()).toBe('windows-1251');
        await keep(supervisor, 'import-preview');
        await wizard.getByRole('button', { name: t('import.wizard.next') }).click();
        await wizard.getByLabel(t('import.wizard.projectName')).fill(study.project);
        await keep(supervisor, 'import-columns');
        await wizard.getByRole('button', { name: t('import.wizard.check') }).click();
        await wizard.getByText(t('import.wizard.toAdd', { count: APPEAL_COUNT })).waitFor();
        await keep(supervisor, 'import-check');
        await wizard
          .getByRole('button', { name: t('import.wizard.import', { count: APPEAL_COUNT }) })
          .click();
        await wizard.getByText(t('import.wizard.done', { count: APPEAL_COUNT })).waitFor();
        await wizard.getByRole('button', { name: t('import.wizard.showAppeals') }).click();
        await supervisor.getByText(t('import.appeals', { count: APPEAL_COUNT })).waitFor();
        await keep(supervisor, 'import-appeals');

        // The codebook, every text in three languages.
        await nav(supervisor, t('nav.codebook'));
        for (const [v, variable] of CODEBOOK.entries()) {
          await supervisor.getByRole('button', { name: t('codebook.edit.addVariable') }).click();
          const card = supervisor.locator('article.variable-edit').nth(v);
          await card.locator('.variable-head select').selectOption(variable.kind);
          await card.locator('.variable-head input.code-input').fill(variable.id);
          await card.locator('.variable-head input.code-input').press('Tab');
          await fillTranslations(
            card.locator(':scope > fieldset.translated').first(),
            t('codebook.edit.label'),
            variable.label,
          );
          for (const [c, category] of variable.categories.entries()) {
            await card.getByRole('button', { name: t('codebook.edit.addCategory') }).click();
            const row = card.locator('li.category-edit').nth(c);
            await row.locator('input.code-input').fill(category.code);
            await row.locator('input.code-input').press('Tab');
            await fillTranslations(
              row.locator('fieldset.translated'),
              t('codebook.edit.label'),
              category.label,
            );
          }
        }
        await supervisor.getByText(t('codebook.edit.noneMissing')).waitFor();
        await keep(supervisor, 'codebook-draft');
        await supervisor.getByRole('button', { name: t('codebook.edit.save', { version: 1 }) }).click();
        await supervisor.getByText(t('codebook.edit.saved', { version: 1, count: 0 })).waitFor();
        await keep(supervisor, 'codebook-saved');

        // Two packages: half the appeals (20) coded by both, the other 20 dealt out, 30 each.
        await nav(supervisor, t('nav.packages'));
        const card = supervisor.getByRole('region', { name: t('package.export.title') });
        await card.getByLabel(t('package.export.coders')).fill(study.coders.join('\n'));
        await card.getByLabel(t('package.export.overlap')).fill('50');
        await card.getByLabel(t('package.export.seed')).fill('2019');
        await card
          .getByText(
            t('package.export.summary', {
              overlap: t('common.appealCount', { count: 20 }),
              perCoder: t('counts.upToAppeals', { count: 30 }),
              count: 2,
            }),
          )
          .waitFor();
        await card.scrollIntoViewIfNeeded();
        await keep(supervisor, 'packages');
        const packages: { name: string; text: string }[] = [];
        supervisor.on('download', async (file) => {
          packages.push({ name: file.suggestedFilename(), text: await streamText(file.createReadStream()) });
        });
        await card.getByRole('button', { name: t('package.export.button') }).click();
        await card.getByText(t('package.export.saved', { count: 2 })).waitFor();
        await expect.poll(() => packages.length).toBe(2);
        const packageOf = (coder: string) => {
          const found = packages.find((p) => (JSON.parse(p.text) as Package).assignment.coder === coder)!;
          return { ...found, content: JSON.parse(found.text) as Package };
        };
        const [first, second] = study.coders.map(packageOf) as [
          ReturnType<typeof packageOf>,
          ReturnType<typeof packageOf>,
        ];
        const overlap = first.content.assignment.overlap;
        expect(overlap).toHaveLength(20);
        expect(first.content.appeals).toHaveLength(30);
        expect(second.content.appeals).toHaveLength(30);

        // What each coder answers, by appeal id.
        const indexOf = (id: string) => APPEALS.findIndex((a) => a.id === id);
        const sortedOverlap = [...overlap].sort((a, b) => indexOf(a) - indexOf(b));
        const answers: [Map<string, Answer>, Map<string, Answer>] = [new Map(), new Map()];
        for (const [c, pkg] of [first, second].entries())
          for (const { id } of pkg.content.appeals) {
            const k = sortedOverlap.indexOf(id);
            answers[c]!.set(id, c === 1 && k >= 0 ? secondAnswer(indexOf(id), k) : firstAnswer(indexOf(id)));
          }

        // Each coder in a profile of their own: opens the package, codes 30 appeals by keys, reloads midway.
        const coderFiles = [];
        for (const [c, pkg] of [first, second].entries()) {
          const coder = await newPage(LOCALES[lang]);
          await coder.getByRole('textbox').fill(study.coders[c]!);
          await coder.getByRole('button', { name: t('firstRun.startEmpty') }).click();
          await chooseFiles(coder, coder.getByRole('button', { name: t('package.open') }).first(), [
            { name: pkg.name, buffer: Buffer.from(pkg.text) },
          ]);
          await coder.getByText(t('package.opened', { count: 30, present: 0 })).waitFor();
          if (c === 0) await keep(coder, 'coder-package-opened');
          await coder.getByRole('button', { name: t('package.startCoding') }).click();
          /** Waits until the coding screen shows appeal `n` of the 30. */
          const at = (n: number) =>
            coder
              .locator('.position', {
                hasText: new RegExp(`^${t('coding.position', { current: number(n), total: number(30) })}$`),
              })
              .waitFor();
          for (let n = 1; n <= 30; n++) {
            await at(n);
            const id = (await coder.locator('.appeal-id').textContent())!.trim();
            const answer = answers[c]!.get(id);
            expect(answer, `appeal ${id} is in ${study.coders[c]}'s package`).toBeDefined();
            const shown = () => expect.poll(() => chosenLabels(coder)).toEqual(labelsOf(answer!, lang, t));
            await codeByKeys(coder, answer!);
            await shown();
            if (c === 0 && n === 1) await keep(coder, 'coding-first');
            if (n === 15) {
              // Midway the coder's laptop reloads: the coder is on the next appeal, every answer kept.
              await coder.keyboard.press('ArrowRight');
              await at(16);
              await coder.reload();
              await at(16);
              await coder.keyboard.press('ArrowLeft');
              await at(15);
              await shown();
            }
            if (n < 30) await coder.keyboard.press('ArrowRight');
          }
          const done = coder.locator('.all-coded');
          await done.getByText(t('coding.answers.allDone', { count: 30 })).waitFor();
          await keep(coder, `coder-${c + 1}-done`);
          const file = await download(
            coder,
            done.getByRole('button', { name: t('coding.answers.exportCoderFile') }),
          );
          await coder.getByText(t('coders.exported', { name: file.name })).waitFor();
          await keep(coder, `coder-${c + 1}-file`);
          coderFiles.push(file);
          await coder.context().close();
        }

        // The supervisor merges both files.
        await nav(supervisor, t('nav.coders'));
        await chooseFiles(
          supervisor,
          t('coders.importButton'),
          coderFiles.map((f) => ({ ...f, mimeType: 'application/json' })),
        );
        const report = supervisor.locator('table.merge-report tbody tr');
        await report.nth(1).waitFor({ timeout: 20_000 });
        const rows = await report.evaluateAll((trs) =>
          trs.map((tr) => [...(tr as HTMLTableRowElement).cells].slice(1).map((cell) => cell.textContent)),
        );
        expect(rows.sort()).toEqual(
          study.coders
            .map((name) => [name, number(90), number(0), number(0), t('coders.report.merged')])
            .sort(),
        );
        await keep(supervisor, 'merged');

        // The agreement dashboard: 20 appeals coded by both; percent agreement as planned.
        const both = sortedOverlap.map((id) => [answers[0].get(id)!, answers[1].get(id)!] as const);
        const disagree = (v: number) => both.filter(([a, b]) => a[v]!.join() !== b[v]!.join()).length;
        await nav(supervisor, t('nav.agreement'));
        await supervisor
          .locator('table.agreement tbody tr')
          .nth(CODEBOOK.length - 1)
          .waitFor();
        for (const [v, variable] of CODEBOOK.entries()) {
          const row = supervisor.locator('table.agreement tbody tr', {
            has: supervisor.getByRole('button', { name: variable.label[lang], exact: true }),
          });
          const cells = (await row.locator('td').allTextContents()).map((cell) => cell.trim());
          expect(cells.slice(0, 2)).toEqual([number(20), number(2)]);
          if (variable.kind === 'single') expect(cells[2]).toBe(number((20 - disagree(v)) / 20, 3));
        }
        await keep(supervisor, 'agreement');

        // Adjudication: every disagreement settled by its key, the planned coder's answer.
        const disagreements = CODEBOOK.reduce((sum, _, v) => sum + disagree(v), 0);
        const progress = (settled: number) =>
          supervisor.getByText(
            t('adjudication.progress', { settled, total: disagreements, count: disagreements }),
            {
              exact: false,
            },
          );
        await nav(supervisor, t('nav.adjudication'));
        await progress(0).waitFor();
        await keep(supervisor, 'adjudication');
        for (let n = 1; n <= disagreements; n++) {
          const heading = (await supervisor.locator('#decision-title').textContent())!;
          const v = CODEBOOK.findIndex((variable) => heading.includes(` · ${variable.label[lang]} · `));
          const id = heading.split(' · ').at(-1)!;
          const coderName = study.coders[taken(indexOf(id), v)]!;
          const names = await supervisor.locator('.decision tbody tr').allTextContents();
          await supervisor.keyboard.press(String(names.findIndex((row) => row.includes(coderName)) + 1));
          await progress(n).waitFor();
        }
        await supervisor.getByText(t('adjudication.allSettled')).waitFor();
        await keep(supervisor, 'adjudication-done');

        // The final dataset, planned: per appeal and variable the answer and how it was reached.
        const final = APPEALS.map(({ id }, i) => {
          const [a, b] = [answers[0].get(id), answers[1].get(id)];
          return CODEBOOK.map((_, v) => {
            if (a && b) {
              if (a[v]!.join() === b[v]!.join()) return { answer: a[v]!, status: '2' };
              return { answer: [a, b][taken(i, v)]![v]!, status: '3' };
            }
            return { answer: (a ?? b)![v]!, status: '1' };
          });
        });

        // The regions table, from the final dataset.
        await nav(supervisor, t('nav.tables'));
        await supervisor
          .getByRole('combobox', { name: t('tables.subject'), exact: true })
          .selectOption('var:region');
        const region = CODEBOOK[1]!;
        const expectedRows = region.categories
          .map((category, c) => {
            const count = final.filter((units) => units[1]!.answer[0] === c).length;
            return [category.label[lang], number(count), number((100 * count) / APPEAL_COUNT, 1)];
          })
          .sort((x, y) => x[0]!.localeCompare(y[0]!));
        const tableRows = () =>
          supervisor
            .locator('table.data tbody tr')
            .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent)));
        await expect
          .poll(async () => (await tableRows()).sort((x, y) => x[0]!.localeCompare(y[0]!)))
          .toEqual(expectedRows);
        await supervisor.locator('.chart svg').waitFor();
        await keep(supervisor, 'tables-regions');

        // The final dataset's wide CSV, cell by cell.
        await nav(supervisor, t('nav.export'));
        expect(
          await supervisor.getByRole('combobox', { name: t('export.source'), exact: true }).inputValue(),
        ).toBe('final');
        // Each appeal counted once, under its least settled variable (final.rule).
        const reached = final.map((units) =>
          units.some((u) => u.status === '3')
            ? 'adjudicated'
            : units.some((u) => u.status === '2')
              ? 'agreed'
              : 'single',
        );
        const counts = (['single', 'agreed', 'adjudicated'] as const).map(
          (status) => `${t(`final.status.${status}`)}: ${number(reached.filter((r) => r === status).length)}`,
        );
        // The final summary comes from the export worker, after the form.
        await expect
          .poll(() => supervisor.locator('.final-summary .final-counts li').allTextContents())
          .toEqual(expect.arrayContaining([...counts, `${t('final.status.unresolved')}: ${number(0)}`]));
        await keep(supervisor, 'export');
        const csv = await download(
          supervisor,
          supervisor.getByRole('button', { name: t('export.datasetButton') }),
        );
        await supervisor.getByText(t('export.rowsSaved', { count: APPEAL_COUNT })).waitFor();
        await keep(supervisor, 'exported');
        const text = csv.buffer.toString('utf8').replace(/^\uFEFF/, '');
        const [header, ...lines] = parseCsv(text, { delimiter: lang === 'en' ? ',' : ';' }).rows;
        expect(lines).toHaveLength(APPEAL_COUNT);
        lines.forEach((line, i) => {
          const actual = Object.fromEntries(header!.map((name, column) => [name, line[column]]));
          expect(actual, APPEALS[i]!.id).toEqual(expectedRow(i, final[i]!, lang));
        });
        await supervisor.context().close();
      },
    );
  }
});

/** The wide row of appeal `i`: its columns as imported, then each variable's value columns and status. */
function expectedRow(i: number, units: { answer: number[]; status: string }[], lang: Lang) {
  const appeal = APPEALS[i]!;
  const row: Record<string, string> = {
    id: appeal.id,
    text: appeal.text,
    date: appeal.date,
    region: appeal.region,
  };
  for (const [v, variable] of CODEBOOK.entries()) {
    const { answer, status } = units[v]!;
    if (variable.kind === 'multi') {
      variable.categories.forEach(
        (category, c) => (row[`${variable.id}_${category.code}`] = answer.includes(c) ? '1' : '0'),
      );
    } else {
      // The metadata column "region" keeps its name: the variable's value goes to region_code.
      row[variable.id === 'region' ? 'region_code' : variable.id] = String(answer[0]! + 1);
      row[`${variable.id}_label`] = variable.categories[answer[0]!]!.label[lang];
    }
    row[`${variable.id}_status`] = status;
  }
  row.notes = '';
  return row;
}

/** Types a text in kk, ru and en into the three inputs of one translated field. */
async function fillTranslations(
  fieldset: ReturnType<Page['locator']>,
  name: string,
  text: Required<LocalizedText>,
) {
  for (const lang of LANGS)
    await fieldset.getByRole('textbox', { name: `${name} (${LANGUAGE_NAMES[lang]})` }).fill(text[lang]);
}

/** Codes the open appeal with the keys only: back to the first variable, then each variable's keys. */
async function codeByKeys(page: Page, answer: Answer) {
  for (let v = 0; v < CODEBOOK.length; v++) await page.keyboard.press('ArrowUp');
  for (const [v, picks] of answer.entries()) {
    if (picks.length === 0) await page.keyboard.press('0');
    for (const c of picks) await page.keyboard.press(String(c + 1));
    if (v < CODEBOOK.length - 1) await page.keyboard.press('ArrowDown');
  }
}

/** The labels the coding screen shows as chosen, variable by variable (the key's text stripped). */
function chosenLabels(page: Page): Promise<string[][]> {
  return page
    .locator('.coding-panel fieldset.variable:not(.appeal-flags)')
    .evaluateAll((fieldsets) =>
      fieldsets.map((fieldset) =>
        [...fieldset.querySelectorAll('[aria-checked="true"]')].map((button) =>
          (button.textContent ?? '').replace(button.querySelector('kbd')?.textContent ?? '', '').trim(),
        ),
      ),
    );
}

const labelsOf = (answer: Answer, lang: Lang, t: TFunction) =>
  answer.map((picks, v) =>
    picks.length
      ? picks.map((c) => CODEBOOK[v]!.categories[c]!.label[lang])
      : CODEBOOK[v]!.kind === 'multi'
        ? [t('coding.answers.none')]
        : [],
  );

async function streamText(stream: Promise<NodeJS.ReadableStream>) {
  const chunks: Buffer[] = [];
  for await (const chunk of await stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
