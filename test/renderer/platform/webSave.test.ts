// @vitest-environment jsdom
// The browser downloads a file written in the dataset worker as the Blob it came in.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWebPlatform } from '../../../renderer/platform/webPlatform.ts';

const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x3b, 0x62]);

describe('saveFile in a browser', () => {
  afterEach(() => vi.restoreAllMocks());

  it('web: a Blob is downloaded as it is, bytes in a Blob of their own', async () => {
    const urls: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      urls.push(blob);
      return `blob:${urls.length}`;
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const platform = createWebPlatform();
    const blob = new Blob([bytes]);
    await platform.saveFile({ suggestedName: 'a.csv', bytes: blob, filters: [] });
    await platform.saveFile({ suggestedName: 'b.csv', bytes, filters: [] });
    expect(click).toHaveBeenCalledTimes(2);
    expect(urls[0]).toBe(blob);
    expect(urls[1]!.size).toBe(bytes.length);
  });
});
