import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/csv/parseCsv.ts';
import { writeCsv } from '../../../shared/csv/writeCsv.ts';

// The import reads CSV with shared/csv/parseCsv.ts; fields are cut by slices, so this checks that
// whatever writeCsv (RFC 4180, as Excel writes) quotes and escapes comes back unchanged.
const cell = fc
  .string({
    unit: fc.constantFrom('a', 'ә', 'ж', ' ', '"', ',', ';', '\t', '\n', '\r', '\r\n', 'x'),
    maxLength: 12,
  })
  .filter((text) => !/^[=+\-@\t\r]/.test(text));

describe('parseCsv reads back what writeCsv writes (property)', () => {
  it.each([',', ';', '\t'] as const)('delimiter %j', (delimiter) => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 5 })
          .chain((width) =>
            fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }),
          ),
        (rows) => {
          expect(parseCsv(writeCsv(rows, { delimiter }), { delimiter }).rows).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });
});
