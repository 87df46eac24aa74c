import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import {
  clearedCoding,
  hasAnswer,
  type Appeal,
  type Codebook,
  type Coding,
  type Variable,
} from '../../../shared/model/index.ts';
import { useAppStore } from '../../store/index.ts';
import { isFiltered } from '../../store/codingSlice.ts';
import {
  appealRows,
  editAppeal,
  replayEdit,
  type AppealChange,
  type AppealEdit,
  type AppealRef,
  type AppealWrite,
} from './appealEdits.ts';
import { codedAppeals, indexAtOrAfter, type AppealList } from './appealList.ts';
import {
  releaseAppealLists,
  requestAppealList,
  requestCodedAppeals,
  warmAppealList,
} from './appealListClient.ts';
import { answeredVariables, appealFlags, isCoded, missingRequired, type AppealFlags } from './appealState.ts';
import { useCodingLock } from './codingLock.ts';
import { nextValues, noneRefusal, type NoneRefusal } from './nextValues.ts';
import { useWriteQueue } from './writeQueue.ts';
import { appealAtOrder, appealFrom } from '../../db/appeals.ts';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed' };

/** Shown when the coder tries to leave an appeal with required variables empty. */
export interface RequiredWarning {
  appealId: string;
  missing: Variable[];
  blocked: boolean;
}

export interface CurrentAppeal {
  appeal: Appeal;
  /** `coderId`'s rows of the appeal by variable id, cleared ones (which may carry the note) included. */
  rows: Map<string, Coding>;
  flags: AppealFlags;
}

/** `appeal` with `coderId`'s codings of it; null when there is no appeal. */
async function withRows(coderId: string, appeal: Appeal | undefined): Promise<CurrentAppeal | null> {
  if (!appeal) return null;
  const rows = await appealRows({ ...appeal, coderId, appealId: appeal.id });
  return { appeal, rows, flags: appealFlags(rows.values()) };
}

/** The appeal at `order` with `coderId`'s codings of it; null when there is none. */
const loadAppeal = async (projectId: string, coderId: string, order: number) =>
  withRows(coderId, await appealAtOrder(projectId, order));

/**
 * The appeal an unfiltered list opens at: the first at or after `order` (the first of all when
 * none is), read by key without waiting for the list, as `indexAtOrAfter` would pick it.
 */
async function loadOpening(projectId: string, coderId: string, order: number) {
  const appeal = (await appealFrom(projectId, order)) ?? (await appealFrom(projectId, -Infinity));
  return appeal ? { order: appeal.order, appeal: await withRows(coderId, appeal) } : undefined;
}

/** `value` as it was when the last frame was drawn: a change is taken up just after its frame. */
function useAfterPaint<T>(value: T): T {
  const [painted, setPainted] = useState(value);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setPainted(value))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value]);
  return painted;
}

/**
 * The state of the coding screen: the filtered list of appeals, the current appeal with the
 * shown coder's codings, and the actions that change them. Every change is committed to
 * IndexedDB before it is shown as saved and before the screen moves on.
 */
export function useCodingSession(projectId: string, codebook: Codebook) {
  const coderId = useAppStore((state) => state.coderId)!;
  const viewerId = useAppStore((state) => state.viewCoderId) ?? coderId;
  // While another window codes this project as this coder, this one watches (useCodingLock), and
  // its edits so far leave the undo history: undoing one would put back rows changed since.
  const lock = useCodingLock(projectId, coderId, viewerId === coderId, () => {
    setHistory({ undo: [], redo: [] });
    committedRows.current.clear();
  });
  const readOnly = viewerId !== coderId || lock.elsewhere;
  const filter = useAppStore((state) => state.codingFilter);
  const requiredMode = useAppStore((state) => state.requiredMode);
  const savedOrder = useAppStore((state) => state.positions[`${projectId}/${coderId}`]);
  const rememberPosition = useAppStore((state) => state.rememberPosition);

  const [list, setList] = useState<AppealList>();
  const [coded, setCoded] = useState<Set<string>>();
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [warning, setWarning] = useState<RequiredWarning | null>(null);
  const [history, setHistory] = useState<{ undo: AppealEdit[]; redo: AppealEdit[] }>({ undo: [], redo: [] });
  // A failed change is retried until stored; meanwhile the screen does not move on (leaveFor).
  const { enqueue, allStored, allStoredNow, retryNow, failure } = useWriteQueue();

  useEffect(() => releaseAppealLists, []);
  // Worked out in a worker; a newer filter makes the last one stale (it answers null).
  useEffect(() => {
    let live = true;
    void requestAppealList(projectId, viewerId, filter, codebook.variables).then(
      (loaded) => live && loaded && setList(loaded),
    );
    return () => {
      live = false;
    };
  }, [projectId, viewerId, filter, codebook]);
  // Asked once the list is there: IndexedDB serves one request at a time, and the list comes first.
  const listed = list !== undefined;
  useEffect(() => {
    if (!listed) return;
    let live = true;
    void requestCodedAppeals(projectId, viewerId, codebook.variables).then(
      (loaded) => live && setCoded(loaded),
    );
    return () => {
      live = false;
    };
  }, [projectId, viewerId, codebook, lock.elsewhere, listed]);
  // Watching another window code, the coded set follows its writes.
  const codedElsewhere = useLiveQuery(
    async () => (lock.elsewhere ? codedAppeals(projectId, coderId, codebook.variables) : null),
    [lock.elsewhere, projectId, coderId, codebook],
  );

  // Moving on, the next appeal is read before the position changes (often in advance, see
  // below), so the screen renders it at once instead of after the live query's first answer.
  const [loaded, setLoaded] = useState<{ order: number; appeal: CurrentAppeal | null }>();
  // Opening with no filter, the first appeal is read alongside the list, not after it: the list
  // of a 100 000-appeal project takes a while, and the appeal is then shown with it at once.
  const [opening] = useState(() => !isFiltered(filter));
  useEffect(() => {
    if (!opening) return;
    let live = true;
    void loadOpening(projectId, viewerId, savedOrder ?? 0).then(
      (found) => live && found && setLoaded((was) => was ?? found),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on opening
  }, []);

  const index = list ? indexAtOrAfter(list.orders, savedOrder ?? 0) : 0;
  const order = list ? list.orders[index] : undefined;
  // The live query and the read ahead follow the position once the frame that shows the move (with
  // the appeal read before) is drawn: their reads and renders do not hold that frame back.
  const queriedOrder = useAfterPaint(order);
  const answer = useLiveQuery(
    async () => ({
      order: queriedOrder,
      appeal: queriedOrder === undefined ? null : await loadAppeal(projectId, viewerId, queriedOrder),
    }),
    [projectId, viewerId, queriedOrder],
  );
  const prefetched = useRef<{
    order: number;
    appeal: Promise<CurrentAppeal | null | undefined>;
    /** Set once the read is in: the move can then happen within the key press. */
    read?: { appeal: CurrentAppeal | null | undefined };
  }>(undefined);
  const nextOrder = queriedOrder === order ? list?.orders[index + 1] : undefined;
  useEffect(() => {
    if (nextOrder === undefined) return;
    // A failed read ahead is read again when needed.
    const appeal = loadAppeal(projectId, viewerId, nextOrder).catch(() => undefined);
    const ahead: NonNullable<typeof prefetched.current> = { order: nextOrder, appeal };
    void appeal.then((found) => (ahead.read = { appeal: found }));
    prefetched.current = ahead;
  }, [projectId, viewerId, nextOrder]);
  // useLiveQuery keeps its last answer while a new one is on its way: the screen may go on
  // showing it (no flicker), but nothing may be written to it.
  const current = !list
    ? // Opening: the appeal read at once (nothing is written before the list is there, see `write`).
      undefined
    : answer && answer.order === order
      ? answer.appeal
      : loaded && loaded.order === order
        ? loaded.appeal
        : undefined;
  const shown = current ?? answer?.appeal ?? (loaded && !list ? loaded.appeal : undefined) ?? undefined;
  // What the filters read is read once the first appeal is shown, not ahead of it.
  const warmed = useRef(false);
  useEffect(() => {
    if (warmed.current || !list || current === undefined) return;
    warmed.current = true;
    warmAppealList(projectId, viewerId);
  }, [projectId, viewerId, list, current]);

  /** The rows each appeal had after this screen's last write to it. */
  const committedRows = useRef(new Map<string, Map<string, Coding>>());

  /**
   * Notes the appeal's rows after a write, and keeps the coded set in step, copying it only when
   * the appeal's status changes.
   */
  function committed({ edit, rows }: AppealWrite) {
    committedRows.current.set(edit.appealId, rows);
    const done = isCoded(codebook.variables, answeredVariables(rows));
    setCoded((set) => {
      if (!set || set.has(edit.appealId) === done) return set;
      const next = new Set(set);
      if (done) next.add(edit.appealId);
      else next.delete(edit.appealId);
      return next;
    });
  }

  function goTo(targetOrder: number) {
    setWarning(null);
    rememberPosition(projectId, coderId, targetOrder);
  }

  /** Moves to the list's `target` index once pending writes are in, unless a required variable stops it. */
  async function moveTo(target: number) {
    if (!list || target < 0 || target >= list.orders.length || target === index) {
      // A move queued while moving on goes nowhere: the keys queued after it go on.
      setSettled((n) => n + 1);
      return;
    }
    // Every change stored and the appeal read ahead: moved at once, within the key press, so the
    // frame after it shows the appeal (an await would leave the render to a later task).
    const targetOrder = list.orders[target]!;
    const read = prefetched.current;
    const ahead = read?.order === targetOrder ? read.read?.appeal : null;
    if (ahead && !moving.current && allStoredNow()) {
      if (!stoppedByRequired()) show(targetOrder, ahead);
      setSettled((n) => n + 1);
      return;
    }
    moving.current = true;
    try {
      await leaveFor(targetOrder);
    } finally {
      moving.current = false;
      // Keys pressed meanwhile go to wherever the coder now is (see `write`).
      setSettled((n) => n + 1);
    }
  }

  /**
   * Moves `step` appeals on from the one shown; pressed while the screen is still moving on, once
   * it is there (so two quick presses move two appeals, not one).
   */
  function moveBy(step: number) {
    if (moving.current || deferred.current.length) deferred.current.push({ step });
    else void moveTo(index + step);
  }

  async function leaveFor(targetOrder: number) {
    // Not before every change is stored: a failed one keeps the coder here (its message shows).
    if (!(await allStored())) return;
    if (stoppedByRequired()) return;
    const ahead = prefetched.current?.order === targetOrder ? await prefetched.current.appeal : undefined;
    show(targetOrder, ahead ?? (await loadAppeal(projectId, viewerId, targetOrder)));
  }

  /**
   * Whether a required variable left empty keeps the coder on this appeal (the warning then
   * shows). Checked against the rows the last write committed, which a render may not show yet.
   * An appeal still loading cannot have been coded on this screen: nothing to check.
   */
  function stoppedByRequired(): boolean {
    const rows =
      readOnly || !current ? new Map() : (committedRows.current.get(current.appeal.id) ?? current.rows);
    const missing = [...rows.values()].some(hasAnswer) ? missingRequired(codebook.variables, rows) : [];
    if (current && missing.length && (requiredMode === 'block' || warning?.appealId !== current.appeal.id)) {
      setWarning({ appealId: current.appeal.id, missing, blocked: requiredMode === 'block' });
      return true;
    }
    return false;
  }

  /** Shows the appeal at `targetOrder`, read before. */
  function show(targetOrder: number, appeal: CurrentAppeal | null) {
    setLoaded({ order: targetOrder, appeal });
    goTo(targetOrder);
  }

  /** The first appeal after the current one (wrapping round) this coder has not coded; -1 when none. */
  function nextUncodedIndex(): number {
    if (!list || !coded) return -1;
    for (let step = 1; step < list.ids.length; step++) {
      const at = (index + step) % list.ids.length;
      if (!coded.has(list.ids[at]!)) return at;
    }
    return -1;
  }

  // A key pressed while the screen is moving on, or the next appeal is still loading, waits for
  // it, in order, and is not lost: it codes the appeal the coder sees next, or moves on from it.
  const deferred = useRef<(AppealChange | { step: number })[]>([]);
  const moving = useRef(false);
  const [settled, setSettled] = useState(0);
  /** `store`s the change, or queues it after the keys still waiting. */
  async function write(change: AppealChange) {
    if (readOnly) return;
    if (!current || moving.current || deferred.current.length) deferred.current.push(change);
    else await store(change);
  }

  async function store(change: AppealChange) {
    if (readOnly || !current) return;
    const ref: AppealRef = { projectId, coderId, appealId: current.appeal.id, order: current.appeal.order };
    setSave({ kind: 'saving' });
    try {
      const written = await enqueue(() => editAppeal(ref, change));
      committed(written);
      if (written.edit.changes.length)
        setHistory((h) => ({ undo: [...h.undo.slice(-99), written.edit], redo: [] }));
      setSave({ kind: 'saved' });
    } catch {
      setSave({ kind: 'failed' });
    }
  }

  useEffect(() => {
    while (current && !moving.current && deferred.current.length) {
      const next = deferred.current.shift()!;
      if (typeof next === 'function') void store(next);
      else {
        // The rest waits for the render that shows where this move went (`settled`).
        void moveTo(index + next.step);
        return;
      }
    }
  }, [current, settled]); // eslint-disable-line react-hooks/exhaustive-deps -- `store`, `moveTo` are new each render

  /**
   * The variable's row as it is, or a new cleared one carrying the appeal's note and flag, with
   * the time and codebook version of this edit.
   */
  function row(rows: ReadonlyMap<string, Coding>, variableId: string, now: string, ref: AppealRef): Coding {
    const flags = appealFlags(rows.values());
    const existing = rows.get(variableId) ?? {
      projectId,
      coderId,
      appealId: ref.appealId,
      variableId,
      values: [],
      cleared: true as const,
      unsure: flags.unsure,
      ...(flags.note ? { note: flags.note } : {}),
    };
    return { ...existing, updatedAt: now, codebookVersion: codebook.version };
  }

  /** The row with `answer` in place of what it held (and no longer cleared). */
  function answered(before: Coding, answer: Pick<Coding, 'values' | 'text'>): Coding {
    const { cleared: _cleared, text: _text, ...rest } = before;
    return { ...rest, ...answer };
  }

  /** Picks or unpicks a category; unpicking the last one clears the coding (a tombstone). */
  const choose = (variable: Variable, code: string) =>
    write((rows, now, ref) => {
      const before = row(rows, variable.id, now, ref);
      const values = nextValues(variable.kind, before.values, code);
      return [values.length ? answered(before, { values }) : clearedCoding(before, now)];
    });

  /**
   * Answers "none of these" on a multiple-choice variable (the empty set), or takes that answer
   * back when it is the one given. Refused, writing nothing, on a variable of another kind or
   * without categories: the reason is returned for the screen to say.
   */
  function chooseNone(variable: Variable): NoneRefusal | null {
    const refusal = noneRefusal(variable);
    if (refusal) return refusal;
    void write((rows, now, ref) => {
      const before = row(rows, variable.id, now, ref);
      const isNone = hasAnswer(before) && before.values.length === 0;
      return [isNone ? clearedCoding(before, now) : answered(before, { values: [] })];
    });
    return null;
  }

  /** Writes a text answer; an emptied text clears the coding (a tombstone). */
  const setText = (variable: Variable, text: string) =>
    write((rows, now, ref) => {
      const before = row(rows, variable.id, now, ref);
      return [text.trim() ? answered(before, { values: [], text }) : clearedCoding(before, now)];
    });

  /** Writes the note or the flag onto every row of the appeal, or onto a new row of `variable`. */
  const setFlags = (change: Partial<AppealFlags>, variable: Variable) =>
    write((rows, now, ref) => {
      const flags = { ...appealFlags(rows.values()), ...change };
      const targets = rows.size ? [...rows.keys()] : [variable.id];
      return targets.map((variableId) => {
        const { note: _note, ...rest } = row(rows, variableId, now, ref);
        return { ...rest, unsure: flags.unsure, ...(flags.note.trim() ? { note: flags.note } : {}) };
      });
    });

  async function replay(kind: 'undo' | 'redo') {
    const edit = history[kind].at(-1);
    if (!edit || readOnly) return;
    setSave({ kind: 'saving' });
    try {
      committed(await enqueue(() => replayEdit(edit, kind === 'undo' ? 'before' : 'after')));
      setHistory((h) =>
        kind === 'undo'
          ? { undo: h.undo.slice(0, -1), redo: [...h.redo, edit] }
          : { undo: [...h.undo, edit], redo: h.redo.slice(0, -1) },
      );
      setSave({ kind: 'saved' });
      goTo(edit.order);
    } catch {
      setSave({ kind: 'failed' });
    }
  }

  // The warning follows the appeal's codings: answering the last missing variable clears it.
  const missingNow =
    warning && current?.appeal.id === warning.appealId
      ? missingRequired(codebook.variables, current.rows)
      : [];

  return {
    coderId,
    viewerId,
    readOnly,
    list,
    coded: codedElsewhere ?? coded,
    index,
    current,
    shown,
    save,
    /** Why the last change is not stored yet (it is being retried); null when all are stored. */
    failure,
    retryNow,
    lock,
    warning: warning && missingNow.length ? { ...warning, missing: missingNow } : null,
    canUndo: history.undo.length > 0,
    canRedo: history.redo.length > 0,
    moveTo,
    moveBy,
    nextUncodedIndex,
    choose,
    chooseNone,
    setText,
    setFlags,
    undo: () => replay('undo'),
    redo: () => replay('redo'),
  };
}

export type CodingSession = ReturnType<typeof useCodingSession>;
