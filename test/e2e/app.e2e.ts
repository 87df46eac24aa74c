import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENS } from '../../renderer/store/uiSlice.ts';
import { shot, useBrowser } from './browser.ts';

const newPage = useBrowser();

async function signInWithDemo(page: Page, name: string, openDemo: RegExp) {
  await page.getByRole('textbox').fill(name);
  await page.getByRole('button', { name: openDemo }).click();
  await page.getByText('1 / 341').waitFor();
}

describe('first run and the demo project', () => {
  it('greets in the system language, opens the demo and keeps codings across a reload', async () => {
    const page = await newPage('ru-RU');
    await page.getByRole('heading', { name: 'Добро пожаловать в Kodtau' }).waitFor();
    await shot(page, 'first-run-ru');

    await signInWithDemo(page, 'Тестовый кодировщик', /Открыть демо-проект/);
    await expect(page.locator('.topbar').textContent()).resolves.toContain('Тестовый кодировщик');

    // Code the first appeal's region by clicking, and its response by keyboard.
    const panel = page.getByRole('complementary');
    const firstRegion = panel.getByRole('radiogroup').nth(0).getByRole('radio').first();
    await firstRegion.click();
    await page.getByRole('status').getByText('Сохранено').waitFor();
    await shot(page, 'coding-ru');

    await page.reload();
    await page.getByText('1 / 341').waitFor();
    await expect(firstRegion.getAttribute('aria-checked')).resolves.toBe('true');

    await page.getByRole('navigation').getByRole('button', { name: 'Проекты' }).click();
    await page.getByText('341 обращение').waitFor();
    await page.context().close();
  });

  it('switches every visible text between Kazakh, Russian and English at once', async () => {
    const page = await newPage('en-US');
    await page.getByRole('heading', { name: 'Welcome to Kodtau' }).waitFor();
    await page.getByRole('button', { name: 'Қазақша' }).click();
    await page.getByRole('heading', { name: 'Kodtau-ға қош келдіңіз' }).waitFor();
    await shot(page, 'first-run-kk');
    await page.getByRole('button', { name: 'English' }).click();
    await shot(page, 'first-run-en');
    await signInWithDemo(page, 'Test coder', /Open the demo project/);

    const expectations = [
      {
        button: 'Қазақша',
        nav: ['Жобалар', 'Кодтау', 'Келісімділік', 'Кестелер', 'Баптаулар'],
        next: 'Келесі',
      },
      {
        button: 'Русский',
        nav: ['Проекты', 'Кодирование', 'Согласованность', 'Таблицы', 'Настройки'],
        next: 'Далее',
      },
      { button: 'English', nav: ['Projects', 'Coding', 'Agreement', 'Tables', 'Settings'], next: 'Next' },
    ];
    for (const { button, nav, next } of expectations) {
      await page.getByRole('button', { name: button }).first().click();
      const sidebar = page.locator('nav.sidebar');
      for (const label of nav) await sidebar.getByRole('button', { name: label, exact: true }).waitFor();
      await page.getByRole('button', { name: next, exact: true }).waitFor();
      const lang = await page.evaluate(() => document.documentElement.lang);
      await shot(page, `coding-${lang}`);
    }

    // The language is remembered.
    await page.getByRole('button', { name: 'Қазақша' }).first().click();
    await page.reload();
    await page.getByRole('navigation').getByRole('button', { name: 'Жобалар' }).waitFor();
    await page.context().close();
  });

  it('shows every screen of the workflow in all three languages, with agreement figures for the demo', async () => {
    const page = await newPage('kk-KZ');
    await signInWithDemo(page, 'Әйгерім', /Демо жобаны ашу/);
    for (const [lang, button] of [
      ['kk', 'Қазақша'],
      ['ru', 'Русский'],
      ['en', 'English'],
    ] as const) {
      await page.getByRole('button', { name: button }).first().click();
      const navButtons = page.getByRole('navigation').getByRole('button');
      for (const [index, screen] of SCREENS.entries()) {
        await navButtons.nth(index).click();
        await page.locator('#screen-title').waitFor();
        // The agreement figures are computed in a worker: shoot them, not the "computing" line.
        if (screen === 'agreement') await page.locator('table.agreement').waitFor();
        await shot(page, `screen-${screen}-${lang}`);
      }
    }
    // English is on now. The demo coders agree on region for 60 of the 68 appeals both coded: α is defined and shown.
    await page.getByRole('navigation').getByRole('button', { name: 'Agreement' }).click();
    const region = page.locator('table.agreement tbody tr', { hasText: 'Region' });
    await expect(region.locator('td.alpha').textContent()).resolves.toMatch(/^0\.\d{3}$/);
    await expect(region.locator('td').nth(0).textContent()).resolves.toBe('68');
    await page.context().close();
  });
});
