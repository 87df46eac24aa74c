import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Asked before a package made for another coder is opened: code as the coder it was made for
 * (their codings kept apart from the signed-in coder's), as the signed-in coder, or not at all.
 */
export function PackageCoderDialog(props: {
  assigned: string;
  current: string;
  onChoose: (choice: 'assigned' | 'current' | null) => void;
}) {
  const { t } = useTranslation();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div
      className="dialog-backdrop"
      onKeyDown={(event) => {
        if (event.key === 'Escape') props.onChoose(null);
      }}
    >
      <div className="card dialog" role="dialog" aria-modal="true" aria-labelledby="package-coder-title">
        <h2 id="package-coder-title">{t('package.forCoder.title')}</h2>
        <p>{t('package.forCoder.message', { assigned: props.assigned, current: props.current })}</p>
        <p className="muted">{t('package.forCoder.hint')}</p>
        <div className="actions">
          <button type="button" className="primary" ref={first} onClick={() => props.onChoose('assigned')}>
            {t('package.forCoder.codeAs', { name: props.assigned })}
          </button>
          <button type="button" onClick={() => props.onChoose('current')}>
            {t('package.forCoder.codeAs', { name: props.current })}
          </button>
          <button type="button" onClick={() => props.onChoose(null)}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
