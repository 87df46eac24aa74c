import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../shared/model/index.ts';
import type { AppInfo } from '../../../shared/ipc/contract.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { db } from '../../db/db.ts';
import { formatNumber } from '../../i18n.ts';
import { usePlatform } from '../../platform/PlatformContext.tsx';
import { useAppStore } from '../../store/index.ts';

interface StorageState {
  persisted: boolean;
  usageMb: number | null;
}

export function SettingsScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const platform = usePlatform();
  const coderId = useAppStore((state) => state.coderId)!;
  const coder = useLiveQuery(() => db.coders.get(coderId), [coderId]);
  const [name, setName] = useState<string | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [storage, setStorage] = useState<StorageState | null>(null);

  useEffect(() => {
    void platform.appInfo().then(setInfo);
    void (async () => {
      const persisted = (await navigator.storage?.persisted?.()) ?? false;
      const estimate = await navigator.storage?.estimate?.();
      setStorage({ persisted, usageMb: estimate?.usage !== undefined ? estimate.usage / 1_048_576 : null });
    })();
  }, [platform]);

  const shownName = name ?? coder?.name ?? '';

  return (
    <section>
      <h1 id="screen-title">{t('nav.settings')}</h1>
      <div className="card">
        <h2>{t('settings.language')}</h2>
        <LanguageSwitch />
      </div>
      <RoleSwitch />
      <form
        className="card"
        onSubmit={(event) => {
          event.preventDefault();
          if (shownName.trim())
            void db.coders.update(coderId, { name: shownName.trim() }).then(() => setName(null));
        }}
      >
        <label className="field">
          <span>{t('settings.displayName')}</span>
          <input value={shownName} maxLength={80} onChange={(event) => setName(event.target.value)} />
          <small>{t('settings.coderId', { id: coderId })}</small>
        </label>
        <button type="submit" disabled={name === null || !shownName.trim()}>
          {t('common.save')}
        </button>
      </form>
      <div className="card">
        <h2>{t('settings.storage')}</h2>
        {storage && (
          <p>
            {storage.persisted ? t('settings.persisted') : t('settings.notPersisted')}
            {storage.usageMb !== null &&
              ` ${t('settings.usage', { size: formatNumber(storage.usageMb, lang, { maximumFractionDigits: 1 }) })}`}
          </p>
        )}
      </div>
      {info && (
        <div className="card">
          <h2>{t('settings.about')}</h2>
          <dl className="facts">
            <dt>{t('settings.version')}</dt>
            <dd>{info.version}</dd>
            {info.electron && (
              <>
                <dt>{t('settings.electron')}</dt>
                <dd>{info.electron}</dd>
              </>
            )}
            <dt>{t('settings.chromium')}</dt>
            <dd>{info.chrome}</dd>
            <dt>{t('settings.platform')}</dt>
            <dd>{info.platform}</dd>
          </dl>
        </div>
      )}
    </section>
  );
}

/** Who uses this profile; opening a coder's package sets it to "coder", and it can be set back here. */
function RoleSwitch() {
  const { t } = useTranslation();
  const role = useAppStore((state) => state.role);
  const setRole = useAppStore((state) => state.setRole);
  return (
    <fieldset className="card role-switch">
      <legend>{t('role.title')}</legend>
      {(['supervisor', 'coder'] as const).map((value) => (
        <label key={value}>
          <input type="radio" name="role" checked={role === value} onChange={() => setRole(value)} />
          {t(`role.${value}`)}
        </label>
      ))}
      <small className="muted">{t('role.hint')}</small>
    </fieldset>
  );
}
