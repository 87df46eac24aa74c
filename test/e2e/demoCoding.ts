import type { Page } from 'playwright-core';
import { createDemoProject } from '../../shared/demo/index.ts';

/** The coding screen of the demo project, driven by its codebook's keys. */
const VARIABLES = createDemoProject().codebook.variables;

/** Category `index` of variable `variable` (codebook order) on the coding screen. */
export const category = (page: Page, variable: number, index: number) =>
  page
    .locator('.coding-panel fieldset.variable')
    .nth(variable)
    .getByRole(VARIABLES[variable]!.kind === 'multi' ? 'checkbox' : 'radio')
    .nth(index);

/** Whether that category is chosen ('true' / 'false'). */
export const checked = (page: Page, variable: number, index: number) =>
  category(page, variable, index).getAttribute('aria-checked');

/** Presses the key of category `index` of variable `variable`, the variable reached with the arrow keys. */
export async function pressCategory(page: Page, variable: number, index: number) {
  for (let v = 0; v < VARIABLES.length; v++) await page.keyboard.press('ArrowUp');
  for (let v = 0; v < variable; v++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press(VARIABLES[variable]!.categories[index]!.shortcut!);
}
