/**
 * The merge of coder files: pure TypeScript shared by the desktop app and `kodtau merge`.
 * Key (coder, appeal, variable); the later edit wins; nothing is dropped.
 */
export { codingKey, compareCodings, mergeCodings, mergeInto, type MergeChanges } from './mergeCodings.ts';
export { migrateCodings } from './migrateCodings.ts';
export {
  checkCoderFile,
  CLOCK_SKEW_MS,
  mergeCoderFiles,
  mergeReadFiles,
  readCoderFile,
  readUnverifiedCoderFile,
  type FileReport,
  type MergeOutcome,
  type MergeTarget,
  type ReadCoderFile,
} from './mergeCoderFiles.ts';
export { problemText, type MergeProblem } from './problems.ts';
export { DEMO_ADJUDICATED_FILE, demoAdjudicatedFile, demoCoderFiles } from './demoCoderFiles.ts';
