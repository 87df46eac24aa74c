export * from './lang.ts';
export * from './codebook.ts';
export * from './codebookHash.ts';
export * from './project.ts';
export * from './coding.ts';
export * from './metaLabel.ts';
