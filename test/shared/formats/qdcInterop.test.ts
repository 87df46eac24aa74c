import { describe, expect, it } from 'vitest';
import { readCodebookFile } from '../../../shared/formats/readCodebookFile.ts';
import { PREFIXED_WITH_SETS, utf16le } from '../../fixtures/refi-qda/samples.ts';

describe('a .qdc from ATLAS.ti or MAXQDA', () => {
  it('is read in UTF-16 with a prefixed namespace, and each code group becomes a variable', () => {
    const read = readCodebookFile(utf16le(PREFIXED_WITH_SETS), 'kk');
    expect(read.source).toBe('qdc');
    const labels = read.content.variables.map((v) => v.label.kk);
    expect(labels).toEqual(['Тақырып', 'Инфрақұрылым', 'Кодтар']);
    const set = read.content.variables[1]!;
    expect(set.kind).toBe('multi');
    expect(set.definition).toEqual({ kk: 'Жол мен су' });
    expect(set.categories.map((c) => c.label.kk)).toEqual(['Жол', 'Су']);
    // The empty group has no codes to offer; the note counts the groups that were turned into variables.
    expect(read.notes).toContainEqual({ code: 'sets', count: 1 });
  });

  it('is read the same in UTF-8, whatever the declaration says', () => {
    const utf8 = readCodebookFile(new TextEncoder().encode(PREFIXED_WITH_SETS), 'kk');
    const utf16 = readCodebookFile(utf16le(PREFIXED_WITH_SETS), 'kk');
    expect(utf8.content).toEqual(utf16.content);
  });
});
