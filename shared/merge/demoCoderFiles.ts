import { createDemoProject, DEMO_SUPERVISOR, type DemoProject } from '../demo/index.ts';
import { buildCoderFile, serializeCoderFile, CODER_FILE_EXTENSION } from '../formats/coderFile.ts';
import { buildProjectFile, serializeProjectFile } from '../formats/projectFile.ts';

/** The latest edit among the demo's codings: when the coders' files are exported. */
const lastEdit = (times: readonly string[]) => times.reduce((latest, t) => (t > latest ? t : latest), '');

/**
 * The demo coders' files, as they would send them back: one per coder, exported when the demo's
 * last coding was made, so the files are the same on every run.
 */
export function demoCoderFiles(demo: DemoProject = createDemoProject()): { name: string; text: string }[] {
  const { codebook, coders, codings } = demo;
  const exportedAt = lastEdit(codings.map((c) => c.updatedAt));
  return coders.map((coder) => ({
    name: `${coder.name.toLowerCase()}.${CODER_FILE_EXTENSION}`,
    text: serializeCoderFile(buildCoderFile(coder, codebook, codings, exportedAt)),
  }));
}

/** The file name of `demoAdjudicatedFile`. */
export const DEMO_ADJUDICATED_FILE = 'open-dialogue-demo.adjudicated.json';

/**
 * The demo as the supervisor has it once every disagreement is adjudicated: a project file
 * (what `kodtau merge -o` writes) with the codebook, the appeals, both coders (and the
 * supervisor, who settled the units), all their codings and the consensus on every unit of the
 * overlap sample. Its final dataset is the study's tables.
 */
export function demoAdjudicatedFile(demo: DemoProject = createDemoProject()): { name: string; text: string } {
  const { project, codebook, appeals, coders, codings, adjudication } = demo;
  const file = buildProjectFile({
    project,
    codebooks: [codebook],
    appeals,
    coders: [...coders, DEMO_SUPERVISOR],
    codings,
    consensus: adjudication,
    reviews: [],
    trainingSets: [],
    imports: [],
  });
  return { name: DEMO_ADJUDICATED_FILE, text: serializeProjectFile(file) };
}
