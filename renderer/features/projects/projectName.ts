import { DEMO_PROJECT_NAMES } from '../../../shared/demo/index.ts';
import type { Lang, Project } from '../../../shared/model/index.ts';

/** The demo project is named in the UI language; other projects keep the name their author gave. */
export function projectName(project: Project, lang: string): string {
  return project.demo ? (DEMO_PROJECT_NAMES[lang as Lang] ?? project.name) : project.name;
}
