/**
 * A progress bar for long work: `done` of `total`, or moving without figures while the amount
 * is not known (`total` undefined). Its label is the visible text beside it.
 */
export function ProgressBar({ done = 0, total, label }: { done?: number; total?: number; label: string }) {
  const known = total !== undefined;
  return (
    <div
      className={known ? 'progress' : 'progress indeterminate'}
      role="progressbar"
      aria-label={label}
      aria-valuemin={known ? 0 : undefined}
      aria-valuemax={known ? total : undefined}
      aria-valuenow={known ? done : undefined}
    >
      <div className="progress-bar" style={known ? { width: `${total ? (100 * done) / total : 0}%` } : {}} />
    </div>
  );
}
