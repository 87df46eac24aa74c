import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/csv/parseCsv.ts';
import { createDemoProject } from '../../shared/demo/index.ts';
import { buildCoderFile, serializeCoderFile } from '../../shared/formats/coderFile.ts';
import { createProjectPackage, serializeProjectPackage } from '../../shared/formats/projectPackage.ts';
import { localize, type Coding } from '../../shared/model/index.ts';
import { nav, shotInLanguages, useBrowser } from './browser.ts';

const newPage = useBrowser();

const DEMO = createDemoProject();
const { codebook } = DEMO;
const [AIGERIM, DMITRY] = DEMO.coders as [(typeof DEMO.coders)[0], (typeof DEMO.coders)[0]];
/** A small project: the demo's codebook and its first eight appeals. */
const APPEALS = [...DEMO.appeals].sort((a, b) => a.order - b.order).slice(0, 8);
const VARIABLES = ['reason', 'region', 'body', 'response'] as const;
type VariableId = (typeof VARIABLES)[number];
/** An answer: the indexes of the chosen categories of each variable (one for single choice). */
type Answer = Record<VariableId, number[]>;
const variable = (id: VariableId) => codebook.variables.find((v) => v.id === id)!;

/**
 * The standard design, by appeal index: appeals 0–2 are the overlap sample (both coders), with
 * one disagreement each (0 region, 1 reason, 2 response); 3–4 Aigerim's alone, 5–6 Dmitry's
 * alone (3 answers "none of these" on the body); 7 not coded yet. `take` is the key the
 * supervisor presses on the Adjudication screen (1 Aigerim, 2 Dmitry: coders in id order).
 */
const PLAN: { aigerim?: Answer; dmitry?: Answer; take?: { variable: VariableId; key: 1 | 2 } }[] = [
  {
    aigerim: { reason: [0], region: [0], body: [0], response: [0] },
    dmitry: { reason: [0], region: [1], body: [0], response: [0] },
    take: { variable: 'region', key: 2 },
  },
  {
    aigerim: { reason: [0], region: [2], body: [1], response: [1] },
    dmitry: { reason: [0, 2], region: [2], body: [1], response: [1] },
    take: { variable: 'reason', key: 2 },
  },
  {
    aigerim: { reason: [3], region: [3], body: [2], response: [2] },
    dmitry: { reason: [3], region: [3], body: [2], response: [3] },
    take: { variable: 'response', key: 1 },
  },
  { aigerim: { reason: [1], region: [4], body: [], response: [0] } },
  { aigerim: { reason: [2, 4], region: [5], body: [3, 4], response: [1] } },
  { dmitry: { reason: [5], region: [6], body: [5], response: [2] } },
  { dmitry: { reason: [6], region: [7], body: [6], response: [3] } },
  {},
];

function codingsOf(coderId: string, pick: (p: (typeof PLAN)[number]) => Answer | undefined): Coding[] {
  return PLAN.flatMap((plan, i) => {
    const answer = pick(plan);
    if (!answer) return [];
    return VARIABLES.map((id) => ({
      projectId: DEMO.project.id,
      coderId,
      appealId: APPEALS[i]!.id,
      variableId: id,
      values: answer[id].map((k) => variable(id).categories[k]!.code),
      unsure: false,
      updatedAt: '2026-03-01T10:00:00.000Z',
      codebookVersion: codebook.version,
    }));
  });
}

const PACKAGE = serializeProjectPackage(
  createProjectPackage({
    project: { ...DEMO.project, name: 'Standard design', demo: false },
    codebook,
    appeals: APPEALS,
    createdAt: '2026-03-01T09:00:00.000Z',
  }),
);
const CODER_FILES = [
  [AIGERIM, codingsOf(AIGERIM.id, (p) => p.aigerim)],
  [DMITRY, codingsOf(DMITRY.id, (p) => p.dmitry)],
] as const;

/**
 * What the final wide CSV must hold for one appeal, written out from the plan (not from the
 * code under test): per variable its value cells and `<variable>_status` — 1 single-coded,
 * 2 agreed, 3 adjudicated; all empty for an appeal nobody coded.
 */
function expectedCells(i: number): Record<string, string> {
  const plan = PLAN[i]!;
  const cells: Record<string, string> = {};
  for (const id of VARIABLES) {
    const v = variable(id);
    let answer: number[] | undefined;
    let status = '';
    if (plan.aigerim && plan.dmitry) {
      const adjudicated = plan.take?.variable === id;
      answer = adjudicated ? (plan.take!.key === 1 ? plan.aigerim : plan.dmitry)[id] : plan.aigerim[id];
      status = adjudicated ? '3' : '2';
    } else if (plan.aigerim ?? plan.dmitry) {
      answer = (plan.aigerim ?? plan.dmitry)![id];
      status = '1';
    }
    if (v.kind === 'multi') {
      v.categories.forEach((c, k) => {
        cells[`${id}_${c.code}`] = answer ? (answer.includes(k) ? '1' : '0') : '';
      });
    } else {
      const category = answer ? v.categories[answer[0]!]! : undefined;
      // The metadata column "region" keeps its name: the variable's code goes to region_code.
      cells[id === 'region' ? 'region_code' : id] = category ? String(category.value) : '';
      cells[`${id}_label`] = category ? localize(category.label, 'en') : '';
    }
    cells[`${id}_status`] = status;
  }
  return cells;
}

async function choose(page: Page, button: string, files: { name: string; buffer: Buffer }[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(files.map((f) => ({ ...f, mimeType: 'application/json' })));
}

const summaryCounts = (page: Page) => page.locator('.final-summary .final-counts li').allTextContents();

describe('the final dataset in the browser', () => {
  it('merges an overlap + single-coded design, adjudicates it and exports the final wide CSV cell by cell', async () => {
    const page = await newPage('en-GB');
    await page.getByRole('textbox').fill('Supervisor');
    await page.getByRole('button', { name: 'Continue without the demo' }).click();
    await choose(page, 'Open project package…', [{ name: 'standard.kodtau', buffer: Buffer.from(PACKAGE) }]);
    await page.getByText('Package opened: 8 appeals added', { exact: false }).waitFor();

    await nav(page, 'Coders & merge');
    await choose(
      page,
      'Import coder files…',
      CODER_FILES.map(([coder, codings]) => ({
        name: `${coder.name.toLowerCase()}.kodtau-coder.json`,
        buffer: Buffer.from(
          serializeCoderFile(buildCoderFile(coder, codebook, codings, '2026-03-01T11:00:00.000Z')),
        ),
      })),
    );
    await page.locator('table.merge-report tbody tr').nth(1).waitFor({ timeout: 20_000 });

    // Before adjudication: the three overlap appeals are unresolved, said on the Export screen.
    await nav(page, 'Export');
    await expect
      .poll(() => summaryCounts(page))
      .toEqual(['single-coded: 4', 'agreed: 0', 'adjudicated: 0', 'unresolved: 3', 'not coded yet: 1']);
    await page.getByText('3 appeals are unresolved (3 units)', { exact: false }).waitFor();
    await page.locator('.final-summary summary').click();
    await shotInLanguages(page, 'export-final-unresolved', () => page.locator('.final-summary').waitFor());
    await page.getByRole('button', { name: 'Settle them on the Adjudication screen' }).click();

    // The link leads to the queue; each disagreement is settled with the planned key.
    await page.getByText(/^Settled 0 of 3 disagreements\./).waitFor();
    for (let n = 1; n <= 3; n++) {
      const heading = (await page.locator('#decision-title').textContent())!;
      const i = APPEALS.findIndex((a) => heading.endsWith(a.id));
      await page.keyboard.press(String(PLAN[i]!.take!.key));
      await page.getByText(new RegExp(`^Settled ${n} of 3 disagreements\\.`)).waitFor();
    }

    await nav(page, 'Tables');
    await page.getByRole('combobox', { name: 'Table of' }).selectOption('var:region');
    await expect
      .poll(() => summaryCounts(page))
      .toEqual(['single-coded: 4', 'agreed: 2', 'adjudicated: 1', 'unresolved: 0', 'not coded yet: 1']);
    await shotInLanguages(page, 'tables-final', () => page.locator('.final-summary').waitFor());

    await nav(page, 'Export');
    await expect
      .poll(() => summaryCounts(page))
      .toEqual(['single-coded: 4', 'agreed: 0', 'adjudicated: 3', 'unresolved: 0', 'not coded yet: 1']);
    await shotInLanguages(page, 'export-final', () => page.locator('.final-summary').waitFor());
    expect(await page.getByRole('combobox', { name: 'Values from' }).inputValue()).toBe('final');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export dataset…' }).click(),
    ]);
    await page.getByText('Exported 8 rows.').waitFor();
    const [header, ...rows] = parseCsv(readFileSync((await file.path())!, 'utf8')).rows;
    expect(rows.map((row) => row[0])).toEqual(APPEALS.map((a) => a.id));
    rows.forEach((row, i) => {
      const expected = expectedCells(i);
      const actual = Object.fromEntries(
        Object.keys(expected).map((name) => [name, row[header!.indexOf(name)]]),
      );
      expect(actual, APPEALS[i]!.id).toEqual(expected);
    });
    // Every value and status column of the file was checked above; only id, metadata, text, notes remain.
    const checked = new Set(Object.keys(expectedCells(0)));
    const meta = new Set(APPEALS.flatMap((a) => Object.keys(a.meta)));
    expect(header!.filter((name) => !checked.has(name) && !meta.has(name))).toEqual(['id', 'text', 'notes']);
    await page.context().close();
  });
});
