import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../shared/model/index.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { db } from '../../db/db.ts';
import { openDemoProject } from '../../db/projects.ts';
import { useAppStore } from '../../store/index.ts';

/** Asks the display name the supervisor will see next to this laptop's codings. */
export function FirstRunScreen() {
  const { t, i18n } = useTranslation();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const signIn = useAppStore((state) => state.signIn);
  const openProject = useAppStore((state) => state.openProject);
  const go = useAppStore((state) => state.go);

  async function start(withDemo: boolean) {
    const trimmed = name.trim();
    if (!trimmed) return;
    setBusy(true);
    setFailed(false);
    try {
      const coderId = crypto.randomUUID();
      await db.coders.put({ id: coderId, name: trimmed });
      if (withDemo) {
        openProject(await openDemoProject(i18n.language as Lang));
        go('coding');
      } else {
        go('projects');
      }
      signIn(coderId);
    } catch {
      setFailed(true);
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void start(true);
  }

  return (
    <div className="first-run">
      <form className="card first-run-card" onSubmit={submit}>
        <LanguageSwitch />
        <h1 id="screen-title">{t('firstRun.title')}</h1>
        <p className="lead">{t('firstRun.lead')}</p>
        <label className="field">
          <span>{t('firstRun.nameLabel')}</span>
          <input
            autoFocus
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder={t('firstRun.namePlaceholder')}
            maxLength={80}
            required
          />
          <small>{t('firstRun.nameHint')}</small>
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !name.trim()}>
            {t('firstRun.openDemo')}
          </button>
          <button type="button" disabled={busy || !name.trim()} onClick={() => void start(false)}>
            {t('firstRun.startEmpty')}
          </button>
        </div>
        {failed && (
          <p className="warning" role="alert">
            {t('firstRun.failed')}
          </p>
        )}
        <p className="muted">{t('firstRun.demoHint')}</p>
      </form>
    </div>
  );
}
