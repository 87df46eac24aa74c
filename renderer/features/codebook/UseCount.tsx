import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsageCounts, type UsageCounts } from './codebookData.ts';

/** The project's usage counts, undefined until they are in. */
const UsesContext = createContext<UsageCounts | undefined>(undefined);

/**
 * Gives the editor the usage counts. When they arrive (or change) only what reads them redraws
 * (`UseCount`, the import's "use"): the editor below is the same element and is left alone.
 */
export function UsesProvider({ projectId, children }: { projectId: string; children: ReactNode }) {
  const uses = useUsageCounts(projectId);
  return <UsesContext.Provider value={uses}>{children}</UsesContext.Provider>;
}

export const useUses = () => useContext(UsesContext);

/** How many codings use a variable (`code` '') or one of its categories; nothing until counted. */
export function UseCount({ variableId, code }: { variableId: string; code: string }) {
  const { t } = useTranslation();
  const uses = useUses();
  if (!uses) return null;
  return (
    <span className="muted uses">
      {t('codebook.edit.uses', { count: uses.get(variableId)?.get(code) ?? 0 })}
    </span>
  );
}
