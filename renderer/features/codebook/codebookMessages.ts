import type { TFunction } from 'i18next';
import type { CodebookProblem } from '../../../shared/codebook/index.ts';
import type { CodebookFileProblem, CodebookNote } from '../../../shared/formats/codebookFile.ts';
import { localize, type CodebookContent, type Lang } from '../../../shared/model/index.ts';
import type { SaveProblem } from './codebookData.ts';

/**
 * Words the typed problems of the codebook code in the user's language, naming variables and
 * categories by their labels (their codes when they have none).
 */
export function codebookMessages(t: TFunction, content: CodebookContent, lang: Lang) {
  const variableName = (id: string) =>
    localize(content.variables.find((v) => v.id === id)?.label, lang) || id;
  const categoryName = (variableId: string, code: string) =>
    localize(
      content.variables.find((v) => v.id === variableId)?.categories.find((c) => c.code === code)?.label,
      lang,
    ) || code;

  function problem(p: CodebookProblem): string {
    const variable = variableName(p.variableId);
    switch (p.kind) {
      case 'duplicateVariable':
        return t('codebook.problem.duplicateVariable', { id: p.variableId });
      case 'badCode':
        return t('codebook.problem.badCode', { variable, code: p.code });
      case 'duplicateCode':
        return t('codebook.problem.duplicateCode', { variable, code: p.code });
      case 'duplicateValue':
        return t('codebook.problem.duplicateValue', { variable, value: p.value });
      case 'shortcutConflict':
        return t('codebook.problem.shortcutConflict', {
          variable,
          key: p.shortcut,
          names: p.codes.map((code) => categoryName(p.variableId, code)).join(', '),
        });
      case 'badShortcut':
        return t('codebook.problem.badShortcut', {
          variable,
          key: p.shortcut,
          name: categoryName(p.variableId, p.code),
        });
      case 'noLabel':
        return t('codebook.problem.noLabel', { variable, code: p.code ?? p.variableId });
      case 'mergedCodeReused':
        return t('codebook.problem.mergedCodeReused', { variable, code: p.code });
      case 'textWithCategories':
        return t('codebook.problem.textWithCategories', { variable });
    }
  }

  function save(p: SaveProblem): string {
    switch (p.reason) {
      case 'stale':
        return t('codebook.saveError.stale');
      case 'invalid':
        return p.problems.map(problem).join(' ');
      case 'variableInUse':
        return t('codebook.saveError.variableInUse', {
          count: p.count,
          variable: variableName(p.variableId),
        });
      case 'kindInUse':
        return t('codebook.saveError.kindInUse', { count: p.count, variable: variableName(p.variableId) });
      case 'categoryInUse':
        return t('codebook.saveError.categoryInUse', {
          count: p.count,
          variable: variableName(p.variableId),
          code: p.code,
        });
    }
  }

  function file(p: CodebookFileProblem): string {
    switch (p.code) {
      case 'too-large':
        return t('codebook.fileError.tooLarge');
      case 'not-json':
        return t('codebook.fileError.notJson', { detail: p.detail });
      case 'not-xml':
        return t('codebook.fileError.notXml', { detail: p.detail });
      case 'xml-doctype':
        return t('codebook.fileError.doctype');
      case 'too-deep':
        return t('codebook.fileError.tooDeep', { limit: p.limit });
      case 'not-codebook':
        return t('codebook.fileError.notCodebook');
      case 'newer-version':
        return t('codebook.fileError.newer');
      case 'invalid':
        return t('codebook.fileError.invalid', { detail: p.detail });
      case 'damaged':
        return t('codebook.fileError.damaged');
      case 'empty':
        return t('codebook.fileError.empty');
      case 'package':
        return t('codebook.fileError.package');
      case 'no-codebook':
        return t('codebook.fileError.noCodebook');
      case 'problems':
        return p.problems.map(problem).join(' ');
    }
  }

  function note(n: CodebookNote): string {
    return t(`codebook.note.${n.code}`, { count: n.count });
  }

  return { problem, save, file, note };
}
