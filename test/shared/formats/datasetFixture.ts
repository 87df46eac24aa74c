import type { DatasetInput } from '../../../shared/formats/dataset.ts';
import type { Category, Coding } from '../../../shared/model/index.ts';

function category(code: string, value: number, label: Category['label']): Category {
  return { code, value, label, definition: {}, examples: {}, retired: false };
}

const coding = (
  coderId: string,
  appealId: string,
  variableId: string,
  values: string[],
  extra: Partial<Coding> = {},
): Coding => ({
  projectId: 'p',
  coderId,
  appealId,
  variableId,
  values,
  unsure: false,
  updatedAt: '2026-01-01T00:00:00.000Z',
  codebookVersion: 1,
  ...extra,
});

/** Three appeals, a single-choice, a multiple-choice and a free-text variable, two coders, consensus on A1. */
export const datasetInput: DatasetInput = {
  project: { id: 'p', name: 'Test', languages: ['kk', 'ru', 'en'], createdAt: '2026-01-01', demo: false },
  codebook: {
    projectId: 'p',
    version: 1,
    hash: '0'.repeat(64),
    updatedAt: '2026-01-01',
    merges: [],
    variables: [
      {
        id: 'region',
        kind: 'single',
        required: true,
        label: { en: 'Region', ru: 'Регион', kk: 'Өңір' },
        definition: {},
        categories: [
          category('almaty_city', 1, { en: 'Almaty city', ru: 'Город Алматы', kk: 'Алматы қаласы' }),
          category('akmola', 17, { en: 'Akmola', ru: "Акмолинская 'область'", kk: 'Ақмола облысы' }),
        ],
      },
      {
        id: 'reason',
        kind: 'multi',
        required: false,
        label: { en: 'Reason', ru: 'Причина', kk: 'Себеп' },
        definition: {},
        categories: [
          category('corruption', 1, { en: 'Corruption', ru: 'Коррупция', kk: 'Сыбайлас жемқорлық' }),
          category('red-tape', 2, { en: 'Red tape', ru: 'Волокита', kk: 'Сөзбұйдақ' }),
        ],
      },
      {
        id: 'comment',
        kind: 'text',
        required: false,
        label: { en: 'Comment' },
        definition: {},
        categories: [],
      },
    ],
  },
  appeals: [
    { projectId: 'p', id: 'A2', text: 'Второе', meta: { region: 'Akmola', date: '=cmd|calc' }, order: 1 },
    {
      projectId: 'p',
      id: 'A1',
      text: 'Бірінші; "тырнақша"\nжол',
      meta: { region: 'Almaty city', date: '2019-03-01' },
      order: 0,
    },
    { projectId: 'p', id: 'A3', text: 'Third', meta: { region: 'Almaty city', date: '-5' }, order: 2 },
  ],
  coders: [
    { id: 'ann', name: 'Ann' },
    { id: 'bob', name: 'Bob' },
  ],
  codings: [
    coding('ann', 'A1', 'region', ['almaty_city'], { note: 'clear' }),
    coding('ann', 'A1', 'reason', ['red-tape', 'corruption']),
    coding('ann', 'A1', 'comment', [], { text: '+7 701 …' }),
    coding('ann', 'A2', 'region', ['akmola']),
    coding('ann', 'A2', 'reason', []),
    coding('bob', 'A1', 'region', ['almaty_city']),
    coding('bob', 'A2', 'region', ['almaty_city']),
  ],
  consensus: [
    {
      projectId: 'p',
      appealId: 'A1',
      variableId: 'region',
      values: ['almaty_city'],
      method: 'agreed',
      by: 'sup',
      at: '2026-02-01',
    },
    {
      projectId: 'p',
      appealId: 'A1',
      variableId: 'reason',
      values: ['corruption'],
      method: 'adjudicated',
      by: 'sup',
      at: '2026-02-02',
    },
  ],
};
