import { describe, expect, it } from 'vitest';
import { datasetRows, longDataset, wideDataset, type DatasetInput } from '../../../shared/formats/dataset.ts';
import { rScript, spssSyntax } from '../../../shared/formats/spss.ts';
import type { Coding, Consensus } from '../../../shared/model/index.ts';
import { finalAppealCounts } from '../../../shared/tables/finalAppealCounts.ts';
import { sourceValues } from '../../../shared/tables/tableSource.ts';
import { datasetInput } from './datasetFixture.ts';

const coding = (coderId: string, appealId: string, variableId: string, values: string[], text?: string) =>
  ({
    projectId: 'p',
    coderId,
    appealId,
    variableId,
    values,
    ...(text === undefined ? {} : { text }),
    unsure: false,
    updatedAt: '2026-01-01T00:00:00.000Z',
    codebookVersion: 1,
  }) satisfies Coding;

const adjudicated = (appealId: string, variableId: string, values: string[]): Consensus => ({
  projectId: 'p',
  appealId,
  variableId,
  values,
  method: 'adjudicated',
  by: 'sup',
  at: '2026-02-01T00:00:00.000Z',
});

/**
 * The standard design: an overlap sample (S1–S3) coded by both coders for reliability, the rest
 * coded once (S4, S5 by Ann, S6 by Bob), S7 not coded yet. Region: single choice (Almaty city 1,
 * Akmola 17); reason: multiple choice (corruption, red tape); comment: free text.
 */
const design: DatasetInput = {
  ...datasetInput,
  appeals: ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7'].map((id, order) => ({
    projectId: 'p',
    id,
    text: `Appeal ${id}`,
    meta: {},
    order,
  })),
  codings: [
    // S1: the coders disagree on the region, agree on the reason.
    coding('ann', 'S1', 'region', ['almaty_city']),
    coding('bob', 'S1', 'region', ['akmola']),
    coding('ann', 'S1', 'reason', ['corruption']),
    coding('bob', 'S1', 'reason', ['corruption']),
    // S2: they agree on the region, disagree on the reason (one saw a second one).
    coding('ann', 'S2', 'region', ['akmola']),
    coding('bob', 'S2', 'region', ['akmola']),
    coding('ann', 'S2', 'reason', ['corruption']),
    coding('bob', 'S2', 'reason', ['red-tape', 'corruption']),
    // S3: agree on everything, "none of these" reasons included, and the same comment.
    coding('ann', 'S3', 'region', ['almaty_city']),
    coding('bob', 'S3', 'region', ['almaty_city']),
    coding('ann', 'S3', 'reason', []),
    coding('bob', 'S3', 'reason', []),
    coding('ann', 'S3', 'comment', [], 'ok'),
    coding('bob', 'S3', 'comment', [], 'ok'),
    // Coded once.
    coding('ann', 'S4', 'region', ['akmola']),
    coding('ann', 'S4', 'reason', ['red-tape']),
    coding('ann', 'S4', 'comment', [], 'late reply'),
    coding('ann', 'S5', 'region', ['almaty_city']),
    coding('ann', 'S5', 'reason', ['corruption', 'red-tape']),
    coding('bob', 'S6', 'region', ['akmola']),
    coding('bob', 'S6', 'reason', []),
  ],
  consensus: [],
};
// The supervisor settles both disagreements: S1 Akmola, S2 both reasons.
const settled: DatasetInput = {
  ...design,
  consensus: [
    adjudicated('S1', 'region', ['akmola']),
    adjudicated('S2', 'reason', ['corruption', 'red-tape']),
  ],
};

const HEADER = [
  'id',
  'region',
  'region_status',
  'reason_corruption',
  'reason_red_tape',
  'reason_status',
  'comment',
  'comment_status',
  'notes',
];

describe('the final dataset of the standard design (overlap + single-coded)', () => {
  it('holds, cell by cell, the adjudicated, agreed and single-coded values with how each was reached', () => {
    const dataset = wideDataset(settled, {
      source: { kind: 'final' },
      labels: 'code',
      lang: 'en',
      text: false,
    });
    expect(datasetRows(dataset)).toEqual([
      HEADER,
      // region      status  corr red  status comment       status notes
      ['S1', 17, 3, 1, 0, 2, '', '', ''],
      ['S2', 17, 2, 1, 1, 3, '', '', ''],
      ['S3', 1, 2, 0, 0, 2, 'ok', 2, ''],
      ['S4', 17, 1, 0, 1, 1, 'late reply', 1, ''],
      ['S5', 1, 1, 1, 1, 1, '', '', ''],
      ['S6', 17, 1, 0, 0, 1, '', '', ''],
      ['S7', '', '', '', '', '', '', '', ''],
    ]);
    expect(dataset.columns[2]).toMatchObject({
      type: 'numeric',
      label: 'Region: how the value was reached',
      valueLabels: [
        { value: 1, label: 'single-coded' },
        { value: 2, label: 'agreed' },
        { value: 3, label: 'adjudicated' },
        { value: 9, label: 'unresolved' },
      ],
    });
    // Per appeal: S1, S2 adjudicated; S3 agreed; S4–S6 single-coded; S7 not coded.
    const ids = settled.appeals.map((a) => a.id);
    expect(
      finalAppealCounts(sourceValues({ kind: 'final' }, settled), ids, ['region', 'reason', 'comment']),
    ).toEqual({
      appeals: { single: 3, agreed: 1, adjudicated: 2, unresolved: 0, uncoded: 1 },
      unresolved: [],
    });
  });

  it('leaves unresolved units empty with status 9 before adjudication, and counts them', () => {
    const dataset = wideDataset(design, {
      source: { kind: 'final' },
      labels: 'code',
      lang: 'en',
      text: false,
    });
    expect(dataset.rows[0]).toEqual(['S1', '', 9, 1, 0, 2, '', '', '']);
    expect(dataset.rows[1]).toEqual(['S2', 17, 2, '', '', 9, '', '', '']);
    const counts = finalAppealCounts(
      sourceValues({ kind: 'final' }, design),
      design.appeals.map((a) => a.id),
      ['region', 'reason', 'comment'],
    );
    expect(counts).toEqual({
      appeals: { single: 3, agreed: 1, adjudicated: 0, unresolved: 2, uncoded: 1 },
      unresolved: [
        { appealId: 'S1', variableId: 'region' },
        { appealId: 'S2', variableId: 'reason' },
      ],
    });
    // Over the region alone, S2 agreed and only S1 is unresolved.
    expect(
      finalAppealCounts(sourceValues({ kind: 'final' }, design), ['S1', 'S2', 'S7'], ['region']).appeals,
    ).toEqual({ single: 0, agreed: 1, adjudicated: 0, unresolved: 1, uncoded: 1 });
  });

  it('labels the status columns for SPSS and R in the language chosen', () => {
    const dataset = wideDataset(settled, {
      source: { kind: 'final' },
      labels: 'both',
      lang: 'ru',
      text: false,
    });
    const options = { fileName: 'final-data.csv', title: 'final' };
    const sps = spssSyntax(dataset, options);
    expect(sps).toContain(
      "region_status\r\n    1 'закодировано одним кодировщиком'\r\n    2 'кодировщики совпали'",
    );
    expect(sps).toContain("    3 'расхождение разрешено'\r\n    9 'не разрешено'");
    expect(rScript(dataset, options)).toContain(
      'data[["reason_status"]] <- factor(data[["reason_status"]],\n  levels = c(1, 2, 3, 9),',
    );
  });

  it('adds no status columns to the other sources, and writes the final values in the long layout', () => {
    const consensus = wideDataset(settled, {
      source: { kind: 'consensus' },
      labels: 'code',
      lang: 'en',
      text: false,
    });
    expect(consensus.columns.map((c) => c.name).filter((name) => name.endsWith('_status'))).toEqual([]);
    const long = longDataset(settled, { kind: 'final' }, 'en');
    expect(
      long
        .slice(1)
        .filter((row) => row[0] === 'S1')
        .map((row) => row.slice(0, 5)),
    ).toEqual([
      ['S1', 'final', '', 'reason', 'corruption'],
      ['S1', 'final', '', 'region', 'akmola'],
    ]);
  });
});
