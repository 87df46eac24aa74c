import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codingTables, projectCodings, putCodings } from '../../../renderer/db/queries.ts';
import { db } from '../../../renderer/db/db.ts';
import {
  ALL,
  subsetCodings,
  variableFigures,
  type Subset,
} from '../../../renderer/features/agreement/agreementFigures.ts';
import {
  AgreementSource,
  summary,
  type AgreementEvent,
} from '../../../renderer/features/agreement/agreementSource.ts';
import { alphaBootstrap } from '../../../shared/agreement/index.ts';
import type { Level, ReliabilityData } from '../../../shared/agreement/types.ts';
import { demoVariables } from '../../../shared/demo/codebook.ts';
import { clearedCoding, type Appeal, type Coding } from '../../../shared/model/index.ts';
import { seedAppeals } from '../appealRows.ts';

// A mid-size project: 1 500 appeals, 3 coders (the third codes only every other appeal), the
// demo's 4 variables (2 multiple choice), answers agreeing about 4 times in 5, a few cleared.
const PROJECT = 'mid';
const CODERS = ['c1', 'c2', 'c3'];
const variables = demoVariables();
let seed = 7;
const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

const appeals: Appeal[] = Array.from({ length: 1500 }, (_, order) => ({
  projectId: PROJECT,
  id: `m-${String(order).padStart(5, '0')}`,
  order,
  text: `Appeal ${order}`,
  meta: {
    date: `2019-${String(8 + (order % 3)).padStart(2, '0')}-${String(1 + (order % 28)).padStart(2, '0')}`,
  },
}));
const codings: Coding[] = appeals.flatMap((appeal, a) =>
  variables.flatMap((variable) => {
    const codes = variable.categories.map((c) => c.code);
    const common = variable.kind === 'multi' && random() < 0.3 ? [codes[0]!, pick(codes)] : [pick(codes)];
    return CODERS.filter((_, c) => c < 2 || a % 2 === 0).map((coderId) => ({
      projectId: PROJECT,
      coderId,
      appealId: appeal.id,
      variableId: variable.id,
      values:
        random() < 0.8
          ? [...new Set(common)]
          : variable.kind === 'multi' && random() < 0.2
            ? []
            : [pick(codes)],
      unsure: false,
      updatedAt: '2026-01-01T00:00:00.000Z',
      codebookVersion: 1,
    }));
  }),
);

beforeAll(async () => {
  await db.delete();
  await db.open();
  await seedAppeals(appeals);
  await write(codings);
});
afterAll(() => db.delete());

/** Writes codings as the app does, answer blocks with them. */
const write = (rows: readonly Coding[]) => db.transaction('rw', codingTables(), () => putCodings(rows));

/** The figures as the dashboard computed them before the worker read IndexedDB: every coding, then the engine. */
async function reference(subset: Subset) {
  const dates = new Map(appeals.map((a) => [a.id, a.meta.date!]));
  const chosen = subsetCodings(await projectCodings(PROJECT), dates, subset);
  return variables.map((v) => variableFigures(v, chosen, subset.overlapOnly));
}

async function collect(source: AgreementSource, subset: Subset, version = 1) {
  const events: AgreementEvent[] = [];
  for await (const event of source.figures({ projectId: PROJECT, variables, subset, version }, () => false))
    events.push(event);
  return events;
}

// Every case runs the 1 000-sample bootstrap of two variables: seconds on a busy machine.
describe('AgreementSource (the agreement worker)', { timeout: 60_000 }, () => {
  const subsets: Subset[] = [
    ALL,
    { coders: ['c1', 'c3'], from: '2019-09-01', to: '', overlapOnly: false },
    { coders: [], from: '', to: '2019-09-15', overlapOnly: true },
  ];

  it.each(subsets)('gives the figures the dashboard computed before, on subset %j', async (subset) => {
    const source = new AgreementSource(db);
    const events = await collect(source, subset);
    const points = events.flatMap((e) => (e.kind === 'point' ? [e.figures] : []));
    const intervals = new Map(
      events.flatMap((e) => (e.kind === 'interval' ? [[e.variableId, e.figures]] : [])),
    );
    const final = points.map((p) => intervals.get(p.variable.id) ?? p);
    const expected = await reference(subset);
    expect(final).toEqual(expected.map(summary));
    // Point estimates come first, each without its interval, then the single-choice intervals.
    expect(events.map((e) => e.kind)).toEqual([
      'coders',
      'point',
      'point',
      'point',
      'point',
      'interval',
      'interval',
      'done',
    ]);
    expect(points.every((p) => p.ci === null)).toBe(true);
    expect(final.filter((f) => f.ci !== null)).toHaveLength(2);
    for (const figures of expected) expect(source.rows(figures.variable.id)).toEqual(figures.rows);
  });

  it('reuses what it read for the next subset, and reads again for a new version', async () => {
    const source = new AgreementSource(db);
    await collect(source, ALL);
    const extra: Coding = { ...codings[0]!, coderId: 'c9' };
    await write([extra]);
    try {
      const same = await collect(source, subsets[1]!);
      expect(same[0]).toEqual({ kind: 'coders', coders: CODERS });
      const again = await collect(source, ALL, 2);
      expect(again[0]).toEqual({ kind: 'coders', coders: [...CODERS, 'c9'] });
    } finally {
      await write([clearedCoding(extra, '2026-01-02T00:00:00.000Z')]);
    }
  });

  it('draws the intervals after the first on helper workers, to the same figures, and stops them', async () => {
    // What bootstrapWorker.ts does, on a copy of the data as a worker gets it.
    const started: FakeWorker[] = [];
    class FakeWorker {
      stopped = false;
      private onMessage: ((event: { data: unknown }) => void) | undefined;
      constructor() {
        started.push(this);
      }
      addEventListener(kind: string, listener: (event: { data: unknown }) => void) {
        if (kind === 'message') this.onMessage = listener;
      }
      postMessage(message: { data: ReliabilityData; level: Level }) {
        const { data, level } = structuredClone(message);
        setTimeout(() => this.onMessage?.({ data: alphaBootstrap(data, level, { samples: 1000, seed: 1 }) }));
      }
      terminate() {
        this.stopped = true;
      }
    }
    const subset = subsets[1]!;
    const expected = (await reference(subset)).map(summary);
    const original = Object.getOwnPropertyDescriptor(globalThis, 'Worker');
    Object.assign(globalThis, { Worker: FakeWorker });
    try {
      const events = await collect(new AgreementSource(db), subset);
      const points = events.flatMap((e) => (e.kind === 'point' ? [e.figures] : []));
      const intervals = new Map(
        events.flatMap((e) => (e.kind === 'interval' ? [[e.variableId, e.figures]] : [])),
      );
      expect(points.map((p) => intervals.get(p.variable.id) ?? p)).toEqual(expected);
      // Two single-choice variables: the second one's interval on a helper, stopped at the end.
      expect(started).toHaveLength(1);
      expect(started[0]!.stopped).toBe(true);
    } finally {
      if (original) Object.defineProperty(globalThis, 'Worker', original);
      else Reflect.deleteProperty(globalThis, 'Worker');
    }
  });

  it('stops when cancelled', async () => {
    const source = new AgreementSource(db);
    const events: AgreementEvent[] = [];
    let stop = false;
    for await (const event of source.figures(
      { projectId: PROJECT, variables, subset: ALL, version: 3 },
      () => stop,
    )) {
      events.push(event);
      if (event.kind === 'point') stop = true;
    }
    expect(events.map((e) => e.kind)).toEqual(['coders', 'point']);
  });
});
