import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { KodtauDb } from '../../../renderer/db/db.ts';
import { VERSION_4_STORES } from '../../previousSchemas.ts';
import { coding } from './fixtures.ts';

const NAME = 'kodtau-upgrade-test';

afterEach(() => Dexie.delete(NAME));

describe('the version 5 upgrade', () => {
  it('opens a version-4 database as the current version, its empty codings ("not coded" until then) moved to the cleared table', async () => {
    const old = new Dexie(NAME);
    old.version(4).stores(VERSION_4_STORES);
    const answer = coding('p', 'ann', 'A1', 'reason', ['corruption']);
    const emptyChoice = coding('p', 'ann', 'A1', 'region', []);
    const emptyText = { ...coding('p', 'ann', 'A2', 'comment', []), text: '  ', note: 'see the date' };
    const text = { ...coding('p', 'ann', 'A2', 'remark', []), text: 'ok' };
    await old.table('codings').bulkPut([answer, emptyChoice, emptyText, text]);
    old.close();

    const db = new KodtauDb(NAME);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(5);
    expect(await db.codings.toArray()).toEqual([answer, text]);
    const { text: _blank, ...clearedText } = emptyText;
    expect(await db.clearedCodings.toArray()).toEqual([
      { ...emptyChoice, cleared: true },
      { ...clearedText, cleared: true },
    ]);
    db.close();
  });
});
