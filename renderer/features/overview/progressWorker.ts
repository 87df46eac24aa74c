/// <reference lib="webworker" />
import { db } from '../../db/db.ts';
import { serveCalls, type CallRequest } from '../../workers/workerCalls.ts';
import { readFigures, type FiguresRequest } from './progressTask.ts';

/**
 * Computes the figures of the overview, projects, packages and codebook screens off the UI thread
 * (see `readFigures`); the worker stays for the next question.
 */
serveCalls<FiguresRequest & CallRequest>(
  (request) => readFigures(db, request),
  () => {},
);
