import { useEffect, useRef, useState } from 'react';

/** The Web Lock a window holds while it codes this project as this coder. */
export const codingLockName = (projectId: string, coderId: string) => `kodtau-coding/${projectId}/${coderId}`;

/**
 * One window codes a project as a coder at a time: two windows or tabs writing the same
 * codings would undo each other's work (an undo in one puts back rows the other has changed
 * since). The window that opens the coding screen first holds a Web Lock; any other window is
 * told (`elsewhere`) and codes nothing until it takes the lock over or the holder lets go (it
 * closes or leaves the coding screen), when it gets it by itself. Where the browser has no
 * Web Locks (jsdom), coding is allowed. `onLost` is called whenever another window has the lock.
 */
export function useCodingLock(projectId: string, coderId: string, wanted: boolean, onLost: () => void) {
  const [elsewhere, setElsewhere] = useState(false);
  const [takeOvers, setTakeOvers] = useState(0);
  // The take-over to steal the lock for (both runs of the effect in development do).
  const stealFor = useRef(-1);
  const lost = useRef(onLost);
  useEffect(() => {
    lost.current = onLost;
  });

  useEffect(() => {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (!wanted || !locks) return;
    const name = codingLockName(projectId, coderId);
    const stop = new AbortController();
    let release = () => {};
    const hold = (lock: Lock | null) => {
      // Granted after the screen let go (React runs an effect twice in development): give it back.
      if (stop.signal.aborted) return undefined;
      if (!lock) {
        setElsewhere(true);
        lost.current();
        return undefined;
      }
      setElsewhere(false);
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    };
    async function run(mode: 'steal' | 'try' | 'wait') {
      while (!stop.signal.aborted) {
        try {
          // Each request settles when this window lets go (`try` also when the lock is taken).
          await locks!.request(
            name,
            mode === 'steal'
              ? { steal: true }
              : mode === 'try'
                ? { ifAvailable: true }
                : { signal: stop.signal },
            hold,
          );
        } catch {
          // Another window took the lock over (AbortError), or this wait was called off.
          if (stop.signal.aborted) return;
          setElsewhere(true);
          lost.current();
        }
        mode = 'wait';
      }
    }
    void run(stealFor.current === takeOvers ? 'steal' : 'try');
    return () => {
      stop.abort();
      release();
      setElsewhere(false);
    };
  }, [projectId, coderId, wanted, takeOvers]);

  return {
    /** This window watches: another one holds the lock. */
    elsewhere,
    /** Takes the lock from the other window, which becomes read-only. */
    takeOver: () => {
      stealFor.current = takeOvers + 1;
      setTakeOvers(takeOvers + 1);
    },
  };
}
