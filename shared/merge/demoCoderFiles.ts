import { createDemoProject } from '../demo/index.ts';
import { buildCoderFile, serializeCoderFile, CODER_FILE_EXTENSION } from '../formats/coderFile.ts';

/**
 * The demo coders' files, as they would send them back: one per coder, exported when the demo's
 * last coding was made, so the files are the same on every run.
 */
export function demoCoderFiles(): { name: string; text: string }[] {
  const { codebook, coders, codings } = createDemoProject();
  const exportedAt = codings.reduce((latest, c) => (c.updatedAt > latest ? c.updatedAt : latest), '');
  return coders.map((coder) => ({
    name: `${coder.name.toLowerCase()}.${CODER_FILE_EXTENSION}`,
    text: serializeCoderFile(buildCoderFile(coder, codebook, codings, exportedAt)),
  }));
}
