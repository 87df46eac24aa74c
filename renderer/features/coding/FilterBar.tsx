import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { metaLabel, type Codebook, type Lang } from '../../../shared/model/index.ts';
import { DayInput } from '../../components/DayInput.tsx';
import { coderNames } from '../../db/queries.ts';
import { useAppStore } from '../../store/index.ts';
import { isFiltered, NO_FILTER, type CodingFilter } from '../../store/codingSlice.ts';
import { codersWithCodings, metaValues } from './appealList.ts';

const STATUSES: CodingFilter['status'][] = ['all', 'uncoded', 'unsure', 'notes'];
/** The search runs once typing pauses this long (Enter runs it at once); a newer key makes it stale. */
const TYPING_PAUSE_MS = 250;

/** Filters (status, region, addressee, dates), the text search, and the screen's settings. */
export const FilterBar = memo(function FilterBar(props: {
  projectId: string;
  codebook: Codebook;
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const { projectId, codebook, searchRef } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const filter = useAppStore((state) => state.codingFilter);
  const setFilter = useAppStore((state) => state.setCodingFilter);
  const [query, setQuery] = useState(filter.query);
  useEffect(() => {
    if (query === filter.query) return;
    const timer = setTimeout(() => setFilter({ query }), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query]); // eslint-disable-line react-hooks/exhaustive-deps -- a key typed restarts the pause, nothing else
  // The panel's contents (and their queries) exist only while it is open.
  const [moreOpen, setMoreOpen] = useState(false);
  const options = useLiveQuery(async () => {
    if (!moreOpen) return undefined;
    return metaValues(projectId);
  }, [projectId, moreOpen]);

  return (
    <form
      className="coding-filters"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        setFilter({ query });
      }}
    >
      <label>
        {t('coding.filter.status')}
        <select
          value={filter.status}
          onChange={(e) => setFilter({ status: e.target.value as CodingFilter['status'] })}
        >
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`coding.filter.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="search">
        {t('coding.search')}
        <input
          ref={searchRef}
          type="search"
          value={query}
          placeholder={t('coding.searchHint')}
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      <button type="submit">{t('coding.find')}</button>
      <details className="more-filters" onToggle={(event) => setMoreOpen(event.currentTarget.open)}>
        <summary>{t('coding.filter.more')}</summary>
        {moreOpen && (
          <div className="card more-filters-panel">
            <label>
              {t('coding.meta.region')}
              <select value={filter.region} onChange={(e) => setFilter({ region: e.target.value })}>
                <option value="">{t('coding.filter.any')}</option>
                {options?.regions.map((region) => (
                  <option key={region} value={region}>
                    {metaLabel(codebook, 'region', region, lang)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('coding.meta.addressee')}
              <select value={filter.addressee} onChange={(e) => setFilter({ addressee: e.target.value })}>
                <option value="">{t('coding.filter.any')}</option>
                {options?.addressees.map((addressee) => (
                  <option key={addressee} value={addressee}>
                    {addressee}
                  </option>
                ))}
              </select>
            </label>
            <DayInput
              label={t('coding.filter.from')}
              value={filter.dateFrom}
              onChange={(dateFrom) => setFilter({ dateFrom })}
            />
            <DayInput
              label={t('coding.filter.to')}
              value={filter.dateTo}
              onChange={(dateTo) => setFilter({ dateTo })}
            />
            <CodingSettings projectId={projectId} />
          </div>
        )}
      </details>
      {isFiltered(filter) && (
        <button
          type="button"
          onClick={() => {
            setQuery('');
            setFilter(NO_FILTER);
          }}
        >
          {t('coding.filter.clear')}
        </button>
      )}
    </form>
  );
});

/** The screen's settings: what an empty required variable does, and whose codings are shown. */
export function CodingSettings({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const coderId = useAppStore((state) => state.coderId);
  const viewCoderId = useAppStore((state) => state.viewCoderId);
  const viewCodingsOf = useAppStore((state) => state.viewCodingsOf);
  const requiredMode = useAppStore((state) => state.requiredMode);
  const setRequiredMode = useAppStore((state) => state.setRequiredMode);
  const others = useLiveQuery(async () => {
    const [ids, names] = await Promise.all([codersWithCodings(projectId), coderNames()]);
    return ids.filter((id) => id !== coderId).map((id) => ({ id, name: names.get(id) ?? id }));
  }, [projectId, coderId]);
  return (
    <div className="coding-settings">
      <label>
        {t('coding.requiredMode.label')}
        <select value={requiredMode} onChange={(e) => setRequiredMode(e.target.value as 'warn' | 'block')}>
          <option value="warn">{t('coding.requiredMode.warn')}</option>
          <option value="block">{t('coding.requiredMode.block')}</option>
        </select>
      </label>
      {!!others?.length && (
        <label>
          {t('coding.viewer.label')}
          <select value={viewCoderId ?? ''} onChange={(e) => viewCodingsOf(e.target.value || null)}>
            <option value="">{t('coding.viewer.mine')}</option>
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {t('coding.viewer.other', { name: other.name })}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
