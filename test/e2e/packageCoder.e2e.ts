import { describe, expect, it } from 'vitest';
import { createDemoProject } from '../../shared/demo/index.ts';
import { createProjectPackage, serializeProjectPackage } from '../../shared/formats/projectPackage.ts';
import { translator } from './locale.ts';
import { nav, shot, useBrowser } from './browser.ts';

const newPage = useBrowser();
const DEMO = createDemoProject();
const APPEALS = DEMO.appeals.slice(0, 5);
const FOR_AIGERIM = serializeProjectPackage(
  createProjectPackage({
    project: DEMO.project,
    codebook: DEMO.codebook,
    appeals: APPEALS,
    assignment: {
      coder: 'Әйгерім',
      coders: ['Әйгерім', 'Дмитрий'],
      overlapShare: 0.2,
      seed: '2019',
      overlap: [APPEALS[0]!.id],
      totalAppeals: APPEALS.length,
    },
  }),
);

describe('a package made for another coder', () => {
  for (const [locale, lang, message, codeAsAigerim] of [
    [
      'kk-KZ',
      'kk',
      'Бұл пакет Әйгерім үшін дайындалған. Сіз Дмитрий ретінде кірдіңіз.',
      'Әйгерім ретінде кодтау',
    ],
    [
      'ru-RU',
      'ru',
      'Этот пакет подготовлен для кодировщика Әйгерім. Вы вошли как Дмитрий.',
      'Кодировать как Әйгерім',
    ],
    ['en-GB', 'en', 'This package was made for Әйгерім. You are signed in as Дмитрий.', 'Code as Әйгерім'],
  ] as const) {
    it(`asks who codes it (${lang}); coding as the coder it was made for signs her in`, async () => {
      const page = await newPage(locale);
      await page.getByRole('textbox').fill('Дмитрий');
      // The first run's second button: start without the demo.
      await page.locator('form .actions button').nth(1).click();
      await page.locator('.topbar-coder', { hasText: 'Дмитрий' }).waitFor();
      await nav(page, (await translator(lang))('nav.import'));
      const chooser = page.waitForEvent('filechooser');
      await page.locator('.import-toolbar .actions button').nth(1).click();
      await (
        await chooser
      ).setFiles({
        name: 'Demo - Әйгерім.kodtau',
        mimeType: 'application/octet-stream',
        buffer: Buffer.from(FOR_AIGERIM),
      });
      const dialog = page.getByRole('dialog');
      await dialog.getByText(message).waitFor();
      await shot(page, `package-for-coder-${lang}`);
      await dialog.getByRole('button', { name: codeAsAigerim }).click();
      await page.locator('.topbar-coder', { hasText: 'Әйгерім' }).waitFor();
      await page.locator('.callout[role=status]').waitFor();
      expect(await page.locator('.topbar-project').textContent()).not.toBe('');
      await page.context().close();
    });
  }
});
