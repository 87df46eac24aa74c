export * from './editCodebook.ts';
export * from './mergeCategory.ts';
export * from './validateCodebook.ts';
export * from './missingTranslations.ts';
export * from './codebookVersion.ts';
export * from './adoptCodebook.ts';
export * from './codebookChanges.ts';
