import { useEffect } from 'react';
import { usePlatform } from '../../platform/PlatformContext.tsx';
import { useAppStore } from '../../store/index.ts';
import { localDay, writeDailyBackupOf } from './backupSchedule.ts';

/** How often an app left open looks whether the day has changed. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * In Electron, writes a daily copy of the open project to the user-data folder (main keeps the
 * last seven): when the project opens and then once a day while the app stays open. A failed
 * write is logged and tried again at the next check.
 */
export function useDailyBackup(): void {
  const write = usePlatform().writeDailyBackup;
  const projectId = useAppStore((state) => state.projectId);
  useEffect(() => {
    if (!write || !projectId) return;
    let running = false;
    const check = () => {
      if (running) return;
      running = true;
      writeDailyBackupOf(projectId, write, localDay(new Date()))
        .catch((error: unknown) => console.error('Kodtau: the daily backup failed', error))
        .finally(() => (running = false));
    };
    check();
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [write, projectId]);
}
