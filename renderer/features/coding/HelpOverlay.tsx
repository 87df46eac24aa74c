import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { HELP_KEYS } from './keys.ts';

/** The keys of the coding screen, in the UI language; Esc, ? or F1 closes it. */
export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => dialog.current?.focus(), []);
  return (
    <div className="overlay" onClick={onClose}>
      <div
        ref={dialog}
        className="card help"
        role="dialog"
        aria-modal="true"
        aria-labelledby="coding-help-title"
        tabIndex={-1}
        onClick={(event) => event.stopPropagation()}
      >
        <h2 id="coding-help-title">{t('coding.help.title')}</h2>
        <table>
          <tbody>
            {HELP_KEYS.map(([command, keys]) => (
              <tr key={command}>
                <th scope="row">
                  <kbd>{keys}</kbd>
                </th>
                <td>{t(`coding.help.${command}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" onClick={onClose}>
          {t('coding.help.done')}
        </button>
      </div>
    </div>
  );
}
