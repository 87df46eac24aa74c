import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { KNOWN_META, metaLabel, type Appeal, type Codebook, type Lang } from '../../../shared/model/index.ts';
import { formatDay, languageName } from '../../i18n.ts';
import { splitHits } from './appealState.ts';

/** The text with the search hits marked. */
function Highlighted({ text, query }: { text: string; query: string }) {
  return splitHits(text, query).map((part, i) => (i % 2 ? <mark key={i}>{part}</mark> : part));
}

interface Props {
  appeal: Appeal;
  codebook: Codebook;
  query: string;
}

/**
 * The appeal as the coder reads it: metadata, the text in paragraphs, the agency's reply.
 * Re-rendered only when one of those changes, not on every coding of the appeal.
 */
export const AppealView = memo(
  AppealViewOf,
  (before: Props, after: Props) =>
    before.appeal.id === after.appeal.id &&
    before.appeal.text === after.appeal.text &&
    JSON.stringify(before.appeal.meta) === JSON.stringify(after.appeal.meta) &&
    before.codebook === after.codebook &&
    before.query === after.query,
);

function AppealViewOf({ appeal, codebook, query }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const extraMeta = Object.keys(appeal.meta).filter(
    (key) => !(KNOWN_META as readonly string[]).includes(key) && appeal.meta[key],
  );
  return (
    <article className="card appeal" aria-label={t('coding.appeal')} tabIndex={0}>
      <dl className="facts">
        <div className="fact">
          <dt>{t('coding.meta.id')}</dt>
          <dd className="appeal-id">{appeal.id}</dd>
        </div>
        {KNOWN_META.filter((key) => key !== 'reply' && appeal.meta[key]).map((key) => (
          <div key={key} className="fact">
            <dt>{t(`coding.meta.${key}`)}</dt>
            <dd>
              {key === 'language'
                ? languageName(appeal.meta[key]!, lang)
                : key === 'date'
                  ? formatDay(appeal.meta[key]!, lang)
                  : metaLabel(codebook, key, appeal.meta[key]!, lang)}
            </dd>
          </div>
        ))}
        {extraMeta.map((key) => (
          <div key={key} className="fact">
            <dt>{key}</dt>
            <dd>{appeal.meta[key]}</dd>
          </div>
        ))}
      </dl>
      <div className="appeal-text" lang={appeal.meta.language}>
        {appeal.text.split(/\n\s*\n/).map((paragraph, i) => (
          <p key={i}>
            <Highlighted text={paragraph} query={query} />
          </p>
        ))}
      </div>
      {/* Only where the source had a reply column: a project without one shows no empty block. */}
      {'reply' in appeal.meta && (
        <>
          <h2 className="reply-title">{t('coding.meta.reply')}</h2>
          <p className="reply" lang={appeal.meta.language}>
            {appeal.meta.reply ? (
              <Highlighted text={appeal.meta.reply} query={query} />
            ) : (
              <span className="muted">{t('coding.noReply')}</span>
            )}
          </p>
        </>
      )}
    </article>
  );
}
