import { DEMO_PROJECT_NAMES } from '../../../shared/demo/index.ts';
import type { Lang, Project } from '../../../shared/model/index.ts';

/** The demo project is named in the UI language; other projects keep the name their author gave. */
export function projectName(project: Project, lang: string): string {
  return project.demo ? (DEMO_PROJECT_NAMES[lang as Lang] ?? project.name) : project.name;
}

const STEM_LENGTH = 48;

/**
 * The project's name as the start of an exported file's name: letters of any script, digits and
 * `-`, cut at a word boundary, so that files are named after the study and not its internal id.
 */
export function projectFileStem(project: Project, lang: string): string {
  const stem = projectName(project, lang)
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  if (stem.length <= STEM_LENGTH) return stem || 'kodtau';
  const cut = stem.slice(0, STEM_LENGTH + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : STEM_LENGTH);
}
