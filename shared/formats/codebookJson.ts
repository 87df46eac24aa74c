import { z } from 'zod';
import { validateCodebook } from '../codebook/validateCodebook.ts';
import { codebookHash, type Codebook } from '../model/index.ts';
import {
  checkSize,
  codebookContentSchema,
  CodebookFileError,
  zodDetail,
  type ReadCodebook,
} from './codebookFile.ts';

/**
 * Kodtau's own codebook file (docs/formats.md, "Codebook"): UTF-8 JSON
 * `{ format, version, codebook: { version, hash, updatedAt, variables, merges } }`. Carries
 * everything — translations, numeric values, shortcuts, colours, retired categories and the
 * merge history — and its hash lets a reader see a damaged file.
 */
export const CODEBOOK_FILE_FORMAT = 'kodtau-codebook';
export const CODEBOOK_FILE_VERSION = 1;

const fileSchema = z.object({
  format: z.literal(CODEBOOK_FILE_FORMAT),
  version: z.number().int().positive(),
  codebook: codebookContentSchema.extend({
    version: z.number().int().positive(),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    updatedAt: z.string(),
  }),
});

export function writeCodebookJson(codebook: Codebook): string {
  const { version, hash, updatedAt, variables, merges } = codebook;
  const file = {
    format: CODEBOOK_FILE_FORMAT,
    version: CODEBOOK_FILE_VERSION,
    codebook: { version, hash, updatedAt, variables, merges },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * `text → JSON → format and version → schema → hash → codebook rules`. Every failure is a
 * `CodebookFileError` naming what is wrong.
 */
export function readCodebookJson(text: string): ReadCodebook {
  checkSize(text);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CodebookFileError({ code: 'not-json', detail: (error as Error).message });
  }
  const head = z.object({ format: z.literal(CODEBOOK_FILE_FORMAT), version: z.number() }).safeParse(json);
  if (!head.success) throw new CodebookFileError({ code: 'not-codebook' });
  if (head.data.version > CODEBOOK_FILE_VERSION) {
    throw new CodebookFileError({ code: 'newer-version', version: head.data.version });
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) throw new CodebookFileError({ code: 'invalid', detail: zodDetail(parsed.error) });
  const { variables, merges, hash, version } = parsed.data.codebook;
  const content = { variables, merges };
  if (codebookHash(content) !== hash) throw new CodebookFileError({ code: 'damaged' });
  const problems = validateCodebook(content);
  if (problems.length > 0) throw new CodebookFileError({ code: 'problems', problems });
  return { content, notes: [], version };
}
