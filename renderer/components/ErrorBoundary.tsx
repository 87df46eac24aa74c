import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** `screen`: one screen, inside the shell (the navigation stays); `app`: the whole window. */
  readonly scope: 'screen' | 'app';
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
  readonly componentStack: string;
}

/**
 * Catches an error thrown while a screen (or the whole app) renders, so that no input leaves a
 * white window: in its place a message in the user's language says that the work is kept
 * (codings are in IndexedDB the moment they are made, a codebook draft in localStorage) and
 * what to do. The shell mounts one per screen with the screen as its `key`, so opening another
 * screen from the menu starts afresh, and "Try the screen again" re-mounts the one that failed.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, componentStack: '' };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(_error: unknown, info: ErrorInfo): void {
    this.setState({ componentStack: info.componentStack ?? '' });
  }

  override render(): ReactNode {
    const { error, componentStack } = this.state;
    if (!error) return this.props.children;
    return (
      <ErrorMessage
        scope={this.props.scope}
        details={`${error.name}: ${error.message}${componentStack}`}
        onRetry={() => this.setState({ error: null, componentStack: '' })}
      />
    );
  }
}

function ErrorMessage({
  scope,
  details,
  onRetry,
}: {
  scope: Props['scope'];
  details: string;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  // In the shell the message stands for the screen: its title names the <main> as a screen's does.
  const titleId = scope === 'screen' ? 'screen-title' : 'error-boundary-title';
  return (
    <section className={`error-boundary ${scope}`} role="alert" aria-labelledby={titleId}>
      <h1 id={titleId}>
        {scope === 'screen' ? t('errorBoundary.screenTitle') : t('errorBoundary.appTitle')}
      </h1>
      <div className="card">
        <p>{t('errorBoundary.kept')}</p>
        <p>{scope === 'screen' ? t('errorBoundary.screenAdvice') : t('errorBoundary.appAdvice')}</p>
        <div className="toolbar">
          {scope === 'screen' && (
            <button type="button" className="primary" onClick={onRetry}>
              {t('errorBoundary.retry')}
            </button>
          )}
          <button
            type="button"
            className={scope === 'app' ? 'primary' : undefined}
            onClick={() => window.location.reload()}
          >
            {t('errorBoundary.reload')}
          </button>
        </div>
        <details>
          <summary>{t('errorBoundary.details')}</summary>
          <pre className="error-details">{details}</pre>
        </details>
      </div>
    </section>
  );
}
