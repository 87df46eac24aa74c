import { useTranslation } from 'react-i18next';
import { localize, type Codebook, type Lang } from '../../../shared/model/index.ts';

interface Props {
  codebook: Codebook;
  projectName: string;
  lang: Lang;
}

/**
 * The codebook for coder training, in one language: every variable with its definition and
 * every category in use (retired ones are hidden from coding, so from training too) with its
 * key, code, value, definition and examples. Hidden on screen; it is what the page prints.
 */
export function CodebookPrint({ codebook, projectName, lang }: Props) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(lang);
  return (
    <section className="codebook-print" lang={lang} aria-hidden="true">
      <h1>{t('codebook.print.title', { project: projectName })}</h1>
      <p>{t('codebook.versionLine', { version: codebook.version, hash: codebook.hash.slice(0, 12) })}</p>
      {codebook.variables.map((variable) => (
        <div key={variable.id} className="print-variable">
          <h2>
            {localize(variable.label, lang)} <code>{variable.id}</code>
          </h2>
          <p className="print-kind">
            {t(`codebook.kind.${variable.kind}`)}
            {variable.required && ` · ${t('codebook.required')}`}
          </p>
          {localize(variable.definition, lang) && <p>{localize(variable.definition, lang)}</p>}
          {variable.categories
            .filter((c) => !c.retired)
            .map((category) => (
              <div key={category.code} className="print-category">
                <h3>
                  {category.shortcut && <kbd>{category.shortcut}</kbd>} {localize(category.label, lang)}{' '}
                  <span className="print-code">
                    {category.code} = {category.value}
                  </span>
                </h3>
                {localize(category.definition, lang) && <p>{localize(category.definition, lang)}</p>}
                {localize(category.examples, lang) && (
                  <p className="print-example">
                    <em>{t('codebook.print.example')}</em> {localize(category.examples, lang)}
                  </p>
                )}
              </div>
            ))}
        </div>
      ))}
    </section>
  );
}
