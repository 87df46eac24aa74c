import { expect } from 'vitest';
import { readAppealColumns, type AppealColumns } from '../../../renderer/db/appealColumns.ts';
import { projectAppeals } from '../../../renderer/db/appeals.ts';
import { db, type KodtauDb } from '../../../renderer/db/db.ts';
import { metaValue } from '../../../shared/model/index.ts';

/** The columns as the appeals give them: every appeal in source order. */
export async function columnsFromAppeals(database: KodtauDb, projectId: string): Promise<AppealColumns> {
  const appeals = await projectAppeals(projectId, database);
  return {
    orders: appeals.map((a) => a.order),
    ids: appeals.map((a) => a.id),
    region: appeals.map((a) => metaValue(a.meta, 'region')),
    addressee: appeals.map((a) => metaValue(a.meta, 'addressee')),
    date: appeals.map((a) => metaValue(a.meta, 'date')),
  };
}

/** Every project's columns and count equal what its appeals give, and no project without appeals has any. */
export async function expectColumnsInStep(database: KodtauDb = db) {
  const projects = new Set((await database.appealBlocks.toArray()).map((block) => block.projectId));
  for (const projectId of projects) {
    const columns = await readAppealColumns(database.appealColumns, projectId);
    expect({
      orders: columns.orders,
      ids: columns.ids,
      region: columns.region,
      addressee: columns.addressee,
      date: columns.date,
    }).toEqual(await columnsFromAppeals(database, projectId));
  }
  const kept = new Set((await database.appealColumns.toArray()).map((row) => row.projectId));
  expect([...kept].sort()).toEqual([...projects].sort());
  // And each project's count: as many as its blocks hold, no row for a project without appeals.
  const counted = new Map<string, number>();
  for (const block of await database.appealBlocks.toArray())
    counted.set(block.projectId, (counted.get(block.projectId) ?? 0) + block.appeals.length);
  const counts = await database.appealCounts.toArray();
  expect(new Map(counts.map((row) => [row.projectId, row.count]))).toEqual(counted);
}
