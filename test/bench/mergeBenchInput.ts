import { buildCoderFile, serializeCoderFile } from '../../shared/formats/coderFile.ts';
import type { MergeTarget } from '../../shared/merge/index.ts';
import { codebookHash, type Codebook, type Coding } from '../../shared/model/index.ts';

/**
 * The merge benchmark's input: 10 coder files of 100 000 codings each, as text, and the project
 * they merge into. Shared by merge.bench.ts (Node) and merge.chromium.ts (Chromium).
 */
export function mergeBenchInput(): { target: MergeTarget; files: { name: string; text: string }[] } {
  // 10 coders × 25 000 appeals × 4 variables = 10 files of 100 000 codings each, as the issue asks.
  const FILES = 10;
  const APPEALS = 25_000;
  const VARIABLES = ['reason', 'region', 'body', 'response'];
  const CATEGORIES = ['a', 'b', 'c', 'd', 'e', 'f'];

  const content: Pick<Codebook, 'variables' | 'merges'> = {
    variables: VARIABLES.map((id) => ({
      id,
      kind: id === 'reason' || id === 'body' ? 'multi' : 'single',
      required: false,
      label: { en: id },
      definition: {},
      categories: CATEGORIES.map((code, value) => ({
        code,
        value,
        label: { en: code },
        definition: {},
        examples: {},
        retired: false,
      })),
    })),
    merges: [],
  };
  const codebook: Codebook = {
    projectId: 'bench',
    version: 1,
    hash: codebookHash(content),
    ...content,
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
  const appealIds = Array.from({ length: APPEALS }, (_, i) => `appeal-${String(i).padStart(6, '0')}`);
  const target: MergeTarget = {
    projectId: 'bench',
    codebooks: [codebook],
    appealIds: new Set(appealIds),
  };

  const files = Array.from({ length: FILES }, (_, f) => {
    const coder = { id: `coder-${f}`, name: `Coder ${f}` };
    const codings: Coding[] = appealIds.flatMap((appealId, a) =>
      VARIABLES.map((variableId, v) => ({
        projectId: 'bench',
        coderId: coder.id,
        appealId,
        variableId,
        values: [CATEGORIES[(a + v + f) % CATEGORIES.length]!],
        ...(a % 50 === 0 ? { note: 'Не уверен: город или область?' } : {}),
        unsure: a % 50 === 0,
        updatedAt: new Date(Date.UTC(2026, 0, 1) + a * 1000).toISOString(),
        codebookVersion: 1,
      })),
    );
    return {
      name: `${coder.id}.json`,
      text: serializeCoderFile(buildCoderFile(coder, codebook, codings, '2026-02-01T00:00:00.000Z')),
    };
  });
  return { target, files };
}
