import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { codebookChanges, type CodebookChange } from '../../../shared/codebook/index.ts';
import { localize, type Codebook, type Lang } from '../../../shared/model/index.ts';
import { db } from '../../db/db.ts';
import { formatDateTime, languageName } from '../../i18n.ts';

/** Every stored version of a project's codebook, oldest first (a handful of small records). */
function codebookVersions(projectId: string): Promise<Codebook[]> {
  return db.codebooks.where('[projectId+version]').between([projectId, 0], [projectId, Infinity]).toArray();
}

/**
 * The codebook's version history: each version with what changed from the one before and how
 * many codings each merge moved (counted when the version was saved, never by reading the
 * codings here), and why retiring moves none.
 */
export function CodebookHistory({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const versions = useLiveQuery(() => codebookVersions(projectId), [projectId]);
  if (!versions || versions.length === 0) return null;
  const newestFirst = versions.map((after, i) => ({ after, before: versions[i - 1] })).reverse();
  return (
    <section className="card codebook-history" aria-labelledby="codebook-history-title">
      <details>
        <summary>
          <h2 id="codebook-history-title">{t('codebookHistory.title')}</h2>
        </summary>
        <p className="muted">{t('codebookHistory.lead')}</p>
        <ol reversed>
          {newestFirst.map(({ after, before }) => (
            <li key={after.version}>
              <h3>
                {t('codebookHistory.version', {
                  version: after.version,
                  date: formatDateTime(after.updatedAt, lang),
                })}
              </h3>
              <VersionChanges before={before} after={after} t={t} lang={lang} />
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}

function VersionChanges(props: { before?: Codebook; after: Codebook; t: TFunction; lang: Lang }) {
  const { before, after, t, lang } = props;
  if (!before) {
    const categories = after.variables.reduce((sum, v) => sum + v.categories.length, 0);
    return (
      <p>
        {t('codebookHistory.first', {
          variables: t('codebookHistory.variableCount', { count: after.variables.length }),
          categories: t('codebookHistory.categoryCount', { count: categories }),
        })}
      </p>
    );
  }
  const changes = codebookChanges(before, after, after.version);
  if (changes.length === 0) return <p className="muted">{t('codebookHistory.noChanges')}</p>;
  return (
    <ul>
      {changes.map((change, i) => (
        <li key={i}>{describe(change, before, after, t, lang)}</li>
      ))}
    </ul>
  );
}

/** One change in the UI's language, names taken from the version that has them. */
function describe(change: CodebookChange, before: Codebook, after: Codebook, t: TFunction, lang: Lang) {
  const variableIn = (codebook: Codebook, id: string) => codebook.variables.find((v) => v.id === id);
  const variable = (id: string) =>
    localize((variableIn(after, id) ?? variableIn(before, id))?.label, lang) || id;
  const category = (variableId: string, code: string) => {
    const find = (codebook: Codebook) =>
      variableIn(codebook, variableId)?.categories.find((c) => c.code === code);
    return localize((find(after) ?? find(before))?.label, lang) || code;
  };
  const langs = (codes: readonly Lang[]) => codes.map((code) => languageName(code, lang)).join(', ');
  const counted = (variableId: string, code: string) =>
    after.changeCounts?.find((c) => c.variableId === variableId && c.code === code)?.count;

  switch (change.kind) {
    case 'variableAdded':
    case 'variableRemoved':
      return t(`codebookHistory.${change.kind}`, { variable: variable(change.variableId) });
    case 'variableRenamed':
      return t('codebookHistory.variableRenamed', {
        variable: variable(change.to),
        from: change.from,
        to: change.to,
      });
    case 'variableRelabelled':
    case 'variableRedefined':
      return t(`codebookHistory.${change.kind}`, {
        variable: variable(change.variableId),
        langs: langs(change.langs),
      });
    case 'variableKindChanged':
      return t('codebookHistory.variableKindChanged', {
        variable: variable(change.variableId),
        from: t(`codebook.kind.${change.from}`),
        to: t(`codebook.kind.${change.to}`),
      });
    case 'categoryAdded':
    case 'categoryRemoved':
    case 'categoryRestored':
      return t(`codebookHistory.${change.kind}`, {
        variable: variable(change.variableId),
        category: category(change.variableId, change.code),
      });
    case 'categoryRenamed':
      return t('codebookHistory.categoryRenamed', {
        variable: variable(change.variableId),
        category: category(change.variableId, change.to),
        from: change.from,
        to: change.to,
      });
    case 'categoryRelabelled':
    case 'categoryRedefined':
      return t(`codebookHistory.${change.kind}`, {
        variable: variable(change.variableId),
        category: category(change.variableId, change.code),
        langs: langs(change.langs),
      });
    case 'categoryMerged': {
      const count = counted(change.variableId, change.from);
      return [
        t('codebookHistory.categoryMerged', {
          variable: variable(change.variableId),
          from: category(change.variableId, change.from),
          into: category(change.variableId, change.into),
        }),
        count === undefined ? t('codebookHistory.notCounted') : t('codebookHistory.moved', { count }),
      ].join(' ');
    }
    case 'categoryRetired': {
      const count = counted(change.variableId, change.code);
      return [
        t('codebookHistory.categoryRetired', {
          variable: variable(change.variableId),
          category: category(change.variableId, change.code),
        }),
        count === undefined
          ? t('codebookHistory.retiredMovesNone')
          : t('codebookHistory.retiredKept', { count }),
      ].join(' ');
    }
  }
}
