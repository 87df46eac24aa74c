/// <reference lib="webworker" />
import { answer } from '../../workers/oneAnswer.ts';
import { verifyCoderFileBytes } from './coderFileBytes.ts';

/**
 * Checks one coder file whole (its bytes come moved, not copied) and answers its problem, or
 * none; an unexpected failure (out of memory) as an error. Started by the merge worker per file.
 */
answer(verifyCoderFileBytes);
