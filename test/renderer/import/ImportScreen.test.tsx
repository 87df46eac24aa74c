// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { ImportScreen } from '../../../renderer/features/import/ImportScreen.tsx';
import { useImportIntent } from '../../../renderer/features/import/importIntent.ts';
import { useAppStore } from '../../../renderer/store/index.ts';
import { encodeWindows1251, handWrittenXlsx, RU_1251_CSV, textCell } from '../../fixtures/import/fixtures.ts';
import { renderWithPlatform, setUpRendererTests, signInCoder } from '../harness.tsx';
import { createFakePlatform } from '../fakePlatform.ts';
import { allAppeals, appealTotal } from '../appealRows.ts';

setUpRendererTests('en');

describe('ImportScreen', () => {
  it('imports a Windows-1251 CSV into a new project through the wizard', async () => {
    await signInCoder();
    const user = userEvent.setup();
    const platform = createFakePlatform();
    platform.nextOpen = [{ name: 'appeals-1251.csv', bytes: encodeWindows1251(RU_1251_CSV) }];
    renderWithPlatform(<ImportScreen />, platform);
    await user.click(await screen.findByRole('button', { name: 'Import appeals…' }));

    const wizard = await screen.findByRole('region', { name: 'Import appeals' });
    await within(wizard).findByText('3 rows', { exact: false });
    expect(within(wizard).getByLabelText('Encoding')).toHaveValue('windows-1251');
    await user.click(within(wizard).getByRole('button', { name: 'Next' }));
    expect(within(wizard).getByLabelText('Use of column Текст обращения')).toHaveValue('text');
    expect(within(wizard).getByLabelText('Use of column №')).toHaveValue('id');
    await user.clear(within(wizard).getByLabelText('Project name'));
    await user.type(within(wizard).getByLabelText('Project name'), 'Обращения 2019');
    await user.click(within(wizard).getByRole('button', { name: 'Check the rows' }));
    await user.click(await within(wizard).findByRole('button', { name: 'Import 3 appeals' }));
    await within(wizard).findByText('Imported 3 appeals.');
    await user.click(within(wizard).getByRole('button', { name: 'Show the appeals' }));

    const project = (await db.projects.toArray())[0]!;
    expect(project.name).toBe('Обращения 2019');
    expect(useAppStore.getState().projectId).toBe(project.id);
    expect(await screen.findByText('3 appeals in this project')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Третий месяц не могу получить ответ из налогового департамента по возврату переплаты',
      ),
    ).toBeInTheDocument();
  });

  it('lists rows that cannot be imported; Stop writes nothing', async () => {
    await signInCoder();
    const user = userEvent.setup();
    const platform = createFakePlatform();
    platform.nextOpen = [{ name: 'bad.csv', bytes: new TextEncoder().encode('id,text\n1,a\n1,b\n2,\n') }];
    renderWithPlatform(<ImportScreen />, platform);
    await user.click(await screen.findByRole('button', { name: 'Import appeals…' }));
    await user.click(await screen.findByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Check the rows' }));
    expect(await screen.findByText('2 rows cannot be imported:')).toBeInTheDocument();
    expect(screen.getByText('ID “1” already used in an earlier row')).toBeInTheDocument();
    expect(screen.getByText('The text is empty')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Skip these rows and import 1 appeal' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Stop, import nothing' }));
    expect(screen.queryByRole('region', { name: 'Import appeals' })).toBeNull();
    expect(await appealTotal()).toBe(0);
    expect(await db.projects.count()).toBe(0);
  });

  it('names the Excel cells with an error or an unsaved formula result by row and column; the rest import', async () => {
    await signInCoder();
    const user = userEvent.setup();
    const platform = createFakePlatform();
    const bytes = handWrittenXlsx(
      `<row r="1">${textCell('A1', 'id')}${textCell('B1', 'text')}${textCell('C1', 'region')}</row>` +
        `<row r="2">${textCell('A2', 'A1')}${textCell('B2', 'Су жоқ')}<c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>` +
        `<row r="3">${textCell('A3', 'A2')}<c r="B3" t="str"><f>C3&amp;"!"</f></c>${textCell('C3', 'Астана')}</row>` +
        `<row r="4">${textCell('A4', 'A3')}<c r="B4" t="str"><f>"Жол"</f><v>Жол</v></c>${textCell('C4', 'Тараз')}</row>`,
    );
    platform.nextOpen = [{ name: 'formulas.xlsx', bytes }];
    renderWithPlatform(<ImportScreen />, platform);
    await user.click(await screen.findByRole('button', { name: 'Import appeals…' }));
    await user.click(await screen.findByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Check the rows' }));
    expect(await screen.findByText('2 rows cannot be imported:')).toBeInTheDocument();
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      '2Cell C2 (column “region”) holds the error #DIV/0!, not a value',
      '3Cell B3 (column “text”) has a formula saved without its result: open the file in Excel or LibreOffice Calc, save it and import it again',
    ]);
    await user.click(screen.getByRole('button', { name: 'Skip these rows and import 1 appeal' }));
    await screen.findByText('Imported 1 appeal.');
    expect((await allAppeals()).map((a) => [a.id, a.text, a.meta])).toEqual([
      ['A3', 'Жол', { region: 'Тараз' }],
    ]);
  });

  it('offers the sheets of a workbook and the header row, detected below a title or chosen', async () => {
    await signInCoder();
    const user = userEvent.setup();
    const platform = createFakePlatform();
    const { default: writeXlsxFile } = await import('write-excel-file/node');
    const text = (value: string) => ({ value, type: String });
    const book = await writeXlsxFile([
      { sheet: 'About', data: [[text('Exported 2019')], [text('by the portal')]] },
      {
        sheet: 'Appeals',
        data: [
          [text('Appeals, 2019')],
          [text('id'), text('text')],
          [text('7'), text('Су жоқ')],
          [text('8'), text('Жол')],
        ],
      },
    ] as never).toBuffer();
    platform.nextOpen = [{ name: 'book.xlsx', bytes: new Uint8Array(book) }];
    renderWithPlatform(<ImportScreen />, platform);
    await user.click(await screen.findByRole('button', { name: 'Import appeals…' }));
    const wizard = await screen.findByRole('region', { name: 'Import appeals' });
    const sheet = await within(wizard).findByRole('combobox', { name: 'Sheet' });
    expect(
      within(sheet)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['About', 'Appeals']);
    await user.selectOptions(sheet, 'Appeals');
    await within(wizard).findByText('Excel workbook · 2 rows');
    expect(within(wizard).getByRole('spinbutton', { name: 'Column names in row' })).toHaveValue(2);
    expect(within(wizard).getByRole('columnheader', { name: 'text' })).toBeInTheDocument();
    const headerRow = within(wizard).getByRole('spinbutton', { name: 'Column names in row' });
    // The user selects the 2 and types 1.
    await user.type(headerRow, '1', { initialSelectionStart: 0, initialSelectionEnd: 1 });
    await within(wizard).findByText('Excel workbook · 3 rows');
    expect(within(wizard).getByRole('columnheader', { name: 'Appeals, 2019' })).toBeInTheDocument();
  });

  it('a PDF renamed .csv gets a message and changes nothing', async () => {
    await signInCoder();
    const user = userEvent.setup();
    const platform = createFakePlatform();
    platform.nextOpen = [{ name: 'appeals.csv', bytes: new TextEncoder().encode('%PDF-1.4 …') }];
    renderWithPlatform(<ImportScreen />, platform);
    await user.click(await screen.findByRole('button', { name: 'Import appeals…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This is a PDF document, not a table.');
    expect(screen.getByText('Nothing was changed in your projects.')).toBeInTheDocument();
  });

  it('a foreign file asked to open as a package is refused with a message', async () => {
    await signInCoder();
    const platform = createFakePlatform();
    renderWithPlatform(<ImportScreen />, platform);
    useImportIntent.getState().request({
      kind: 'dropped',
      file: { name: 'x.kodtau', bytes: new TextEncoder().encode('{"format":"something-else"}') },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('This file is not a Kodtau project package.');
    expect(await db.projects.count()).toBe(0);
  });
});
