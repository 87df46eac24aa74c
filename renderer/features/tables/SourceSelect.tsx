import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface SourceSelectProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  coders: readonly { id: string; name: string }[];
  inline?: boolean;
  /** Extra options after the coders (e.g. "all coders" for the long dataset). */
  children?: ReactNode;
}

/**
 * Where the values come from: the final dataset (the default), the consensus, a majority vote,
 * or one coder (`coder:<id>`).
 */
export function SourceSelect({ label, value, onChange, coders, inline, children }: SourceSelectProps) {
  const { t } = useTranslation();
  return (
    <label className={inline ? 'field inline' : 'field'}>
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="final">{t('final.source')}</option>
        <option value="consensus">{t('tables.consensus')}</option>
        <option value="majority">{t('tables.majority')}</option>
        {coders.map((coder) => (
          <option key={coder.id} value={`coder:${coder.id}`}>
            {t('tables.coder', { name: coder.name })}
          </option>
        ))}
        {children}
      </select>
    </label>
  );
}
