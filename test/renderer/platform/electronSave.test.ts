// A file written in the dataset worker reaches the platform as a Blob: Electron's preload method
// still gets the bytes it validates (the web side: webSave.test.ts).
import { describe, expect, it } from 'vitest';
import { createElectronPlatform } from '../../../renderer/platform/electronPlatform.ts';
import type { KodtauApi, SaveFileInput } from '../../../shared/ipc/contract.ts';

const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x3b, 0x62]);

describe('saveFile', () => {
  it('Electron: a Blob is handed to the preload method as its bytes', async () => {
    const calls: SaveFileInput[] = [];
    const api = {
      saveFile: async (input: SaveFileInput) => {
        calls.push(input);
        return { saved: true };
      },
    } as unknown as KodtauApi;
    const platform = createElectronPlatform(api);
    const filters = [{ name: 'CSV', extensions: ['csv'] }];
    expect(await platform.saveFile({ suggestedName: 'a.csv', bytes: new Blob([bytes]), filters })).toBe(true);
    expect(await platform.saveFile({ suggestedName: 'b.csv', bytes, filters })).toBe(true);
    expect(calls.map((c) => c.suggestedName)).toEqual(['a.csv', 'b.csv']);
    for (const call of calls) {
      expect(call.bytes).toBeInstanceOf(Uint8Array);
      expect([...call.bytes]).toEqual([...bytes]);
      expect(call.filters).toEqual(filters);
    }
  });
});
