import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../shared/model/index.ts';
import { NoProject } from '../../components/NoProject.tsx';
import { db } from '../../db/db.ts';
import { formatDate, formatNumber } from '../../i18n.ts';
import { useCurrentProject } from '../projects/useCurrentProject.ts';

const PAGE_SIZE = 50;

/** The project's appeals as imported, page by page, and the record of every import. */
export function ImportScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { project } = useCurrentProject();
  const [page, setPage] = useState(0);
  const projectId = project?.id ?? '';

  const data = useLiveQuery(async () => {
    const range = db.appeals
      .where('[projectId+order]')
      .between([projectId, -Infinity], [projectId, Infinity]);
    const [total, rows, imports] = await Promise.all([
      range.count(),
      range
        .clone()
        .offset(page * PAGE_SIZE)
        .limit(PAGE_SIZE)
        .toArray(),
      db.imports.where('projectId').equals(projectId).toArray(),
    ]);
    return { total, rows, imports };
  }, [projectId, page]);

  if (project === undefined || !data) return null;
  if (!project) return <NoProject title={t('nav.import')} />;
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));

  return (
    <section>
      <h1 id="screen-title">{t('import.title')}</h1>
      <h2>{t('import.history')}</h2>
      <table className="data">
        <thead>
          <tr>
            <th>{t('import.when')}</th>
            <th>{t('import.kind')}</th>
            <th>{t('import.file')}</th>
            <th>{t('projects.appeals')}</th>
          </tr>
        </thead>
        <tbody>
          {data.imports.map((record) => (
            <tr key={record.id}>
              <td>{formatDate(record.importedAt, lang)}</td>
              <td>{t(`import.kinds.${record.kind}`)}</td>
              <td>{record.fileName}</td>
              <td className="num">{formatNumber(record.summary.appeals ?? 0, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('import.appeals', { count: data.total })}</h2>
      <table className="data appeals-table">
        <thead>
          <tr>
            <th>{t('coding.meta.id')}</th>
            <th>{t('coding.meta.date')}</th>
            <th>{t('coding.meta.region')}</th>
            <th>{t('import.text')}</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((appeal) => (
            <tr key={appeal.id}>
              <td>
                <code>{appeal.id}</code>
              </td>
              <td>{appeal.meta.date}</td>
              <td>{appeal.meta.region}</td>
              <td className="clip" lang={appeal.meta.language}>
                {appeal.text}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions pager">
        <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
          {t('coding.previous')}
        </button>
        <span>
          {t('import.page', { page: formatNumber(page + 1, lang), pages: formatNumber(pages, lang) })}
        </span>
        <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
          {t('coding.next')}
        </button>
      </div>
    </section>
  );
}
