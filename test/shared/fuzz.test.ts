import { describe, expect, it } from 'vitest';
import { READERS } from '../fuzz/readers.ts';
import { runFuzz } from '../fuzz/runner.ts';

/**
 * A sample of `npm run fuzz` (test/fuzz/): the first 500 of the full run's numbered inputs per
 * reader, in this thread (starting a worker per reader costs more than the sample). An input
 * slower than 30 s counts as a hang — generous, so that a busy CI machine does not pass for
 * one; a reader caught in a loop is stopped by this test's timeout.
 */
describe('fuzz sample: every reader reads or refuses with its own error', () => {
  it('500 inputs per reader: no other error, no hang, no changed checksummed file read', async () => {
    const report = await runFuzz({ n: 500, hangMs: 30_000, inProcess: true });
    expect(report.readers.map((r) => r.name)).toEqual(READERS.map((r) => r.name));
    for (const reader of report.readers) {
      expect(reader.tried, reader.name).toBe(500);
      // The examples name the inputs: replay one with `npm run fuzz -- --reader <name> --from <i> -n 1`.
      expect({
        reader: reader.name,
        other: reader.other,
        hangs: reader.hangs,
        wrong: reader.wrong,
        examples: reader.examples,
      }).toEqual({
        reader: reader.name,
        other: 0,
        hangs: 0,
        wrong: 0,
        examples: [],
      });
      // Each reader both reads and refuses some of its inputs: the sample reaches both paths.
      expect(reader.accepted, reader.name).toBeGreaterThan(0);
      expect(reader.own, reader.name).toBeGreaterThan(0);
    }
  }, 900_000);
});
