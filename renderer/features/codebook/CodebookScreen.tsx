import { useTranslation } from 'react-i18next';
import { LANGS, localize, type Lang, type LocalizedText } from '../../../shared/model/index.ts';
import { NoProject } from '../../components/NoProject.tsx';
import { useCurrentProject } from '../projects/useCurrentProject.ts';

/** Languages a text lacks; shown so the supervisor sees which translations are missing. */
function missingLanguages(text: LocalizedText): Lang[] {
  return LANGS.filter((lang) => !text[lang]);
}

export function CodebookScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { project, codebook } = useCurrentProject();
  if (project === undefined) return null;
  if (!project || !codebook) return <NoProject title={t('nav.codebook')} />;

  return (
    <section>
      <h1 id="screen-title">{t('nav.codebook')}</h1>
      <p className="muted">
        {t('codebook.versionLine', { version: codebook.version, hash: codebook.hash.slice(0, 12) })}
      </p>
      {codebook.variables.map((variable) => (
        <article key={variable.id} className="card variable-card">
          <header className="variable-head">
            <h2>{localize(variable.label, lang)}</h2>
            <span className="badge">{t(`codebook.kind.${variable.kind}`)}</span>
            {variable.required && <span className="badge">{t('codebook.required')}</span>}
            <code>{variable.id}</code>
          </header>
          <p>{localize(variable.definition, lang)}</p>
          <table className="data">
            <thead>
              <tr>
                <th>{t('codebook.shortcut')}</th>
                <th>{t('codebook.code')}</th>
                <th>{t('codebook.value')}</th>
                <th>{t('codebook.category')}</th>
                <th>{t('codebook.definition')}</th>
              </tr>
            </thead>
            <tbody>
              {variable.categories.map((category) => {
                const missing = missingLanguages(category.label);
                return (
                  <tr key={category.code}>
                    <td>{category.shortcut && <kbd>{category.shortcut}</kbd>}</td>
                    <td>
                      <code>{category.code}</code>
                    </td>
                    <td className="num">{category.value}</td>
                    <td>
                      <span className="swatch" style={{ background: category.colour }} />
                      {localize(category.label, lang)}
                      {missing.length > 0 && (
                        <span className="warning">
                          {' '}
                          {t('codebook.missingTranslations', { langs: missing.join(', ') })}
                        </span>
                      )}
                    </td>
                    <td>
                      {localize(category.definition, lang)}
                      {category.examples[lang] && (
                        <div className="muted">{localize(category.examples, lang)}</div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </article>
      ))}
    </section>
  );
}
