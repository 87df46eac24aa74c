import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MIN_PERIOD_UNITS,
  ORDER_BLOCK,
  type DriftAxis,
  type DriftPoint,
} from '../../../shared/agreement/drift.ts';
import { localize, type Lang, type Variable } from '../../../shared/model/index.ts';
import { formatNumber } from '../../i18n.ts';
import type { AgreementClient } from './agreementClient.ts';
import type { AgreementRequest, Drift } from './agreementSource.ts';
import { driftOption, driftPeriods, echarts } from './driftChart.ts';
import { formatCoefficient } from './methodsParagraph.ts';

interface Props {
  client: AgreementClient;
  request: AgreementRequest;
  variable: Variable;
  coderName: (id: string) => string;
}

const HEIGHT = 320;

/** One variable's agreement over time, computed by the agreement worker: chart, notes, drift warnings. */
export function DriftView({ client, request, variable, coderName }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [axis, setAxis] = useState<DriftAxis>('week');
  const [drift, setDrift] = useState<{ key: string; drift: Drift | null }>();
  const key = `${variable.id}:${axis}`;
  useEffect(() => {
    let current = true;
    void client.drift(request, variable.id, axis).then((found) => {
      if (current) setDrift({ key: `${variable.id}:${axis}`, drift: found });
    });
    return () => {
      current = false;
    };
  }, [client, request, variable.id, axis]);
  const shown = drift?.key === key ? drift.drift : undefined;
  const host = useRef<HTMLDivElement>(null);
  const periods = shown ? driftPeriods(shown.alpha, shown.coders) : [];
  const anyDrawn =
    !!shown && [...shown.alpha, ...shown.coders.flatMap((c) => c.points)].some((p) => p.value !== null);

  useEffect(() => {
    const element = host.current;
    if (!element || !shown || !anyDrawn) return;
    const chart = echarts.init(element, null, {
      renderer: 'svg',
      height: HEIGHT,
      width: element.clientWidth || 900,
    });
    chart.setOption(
      driftOption(shown.alpha, shown.coders, driftPeriods(shown.alpha, shown.coders), {
        alpha: t('agreement.drift.alpha'),
        interval: t('agreement.drift.interval'),
        axis:
          axis === 'week'
            ? t('agreement.drift.weekAxis')
            : t('agreement.drift.orderAxis', { block: formatNumber(ORDER_BLOCK, lang), count: ORDER_BLOCK }),
        coderName,
        number: (value) => formatNumber(value, lang, { maximumFractionDigits: 3 }),
      }),
    );
    const resize = () => chart.resize({ width: element.clientWidth || 900 });
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [shown, anyDrawn, axis, coderName, t, lang]);

  const c = (x: number) => formatCoefficient(x, lang);
  const list = (points: readonly DriftPoint[], reason: DriftPoint['reason']) =>
    points
      .filter((p) => p.reason === reason)
      .map((p) => t('agreement.drift.periodN', { period: p.period, n: formatNumber(p.n, lang) }))
      .join(', ');
  const min = formatNumber(MIN_PERIOD_UNITS, lang);

  return (
    <section className="drift" aria-labelledby="drift-title">
      <h3 id="drift-title">{t('agreement.drift.title')}</h3>
      <fieldset className="drift-axis">
        <legend>{t('agreement.drift.axis')}</legend>
        {(['week', 'order'] as const).map((a) => (
          <label key={a}>
            <input type="radio" name="drift-axis" checked={axis === a} onChange={() => setAxis(a)} />
            {t(`agreement.drift.${a}`)}
          </label>
        ))}
      </fieldset>
      <p className="muted small">{t('agreement.drift.lead', { samples: formatNumber(200, lang) })}</p>
      {shown === undefined ? (
        <p className="muted" role="status">
          {t('agreement.drift.computing')}
        </p>
      ) : (
        <>
          {shown &&
            shown.coders
              .filter((coder) => coder.drifting)
              .map((coder) => {
                const drawn = coder.points.filter((p) => p.value !== null);
                const latest = drawn.at(-1)!;
                const earlier = drawn.slice(0, -1);
                const level =
                  earlier.reduce((sum, p) => sum + p.value! * p.n, 0) /
                  earlier.reduce((sum, p) => sum + p.n, 0);
                return (
                  <p key={coder.coderId} className="drift-warning" role="alert">
                    {t('agreement.drift.drifting', {
                      coder: coderName(coder.coderId),
                      period: latest.period,
                      value: c(latest.value!),
                      lower: c(latest.ci![0]),
                      upper: c(latest.ci![1]),
                      earlier: c(level),
                    })}
                  </p>
                );
              })}
          {shown && anyDrawn ? (
            <div
              ref={host}
              className="chart"
              role="img"
              aria-label={t('agreement.drift.chart', { variable: localize(variable.label, lang) })}
              style={{ height: HEIGHT }}
              data-periods={periods.join(' ')}
            />
          ) : (
            <p className="muted">{t('agreement.drift.empty')}</p>
          )}
          {shown && (
            <ul className="drift-notes muted small">
              {list(shown.alpha, 'too-few-units') && (
                <li>{t('agreement.drift.notDrawn', { periods: list(shown.alpha, 'too-few-units'), min })}</li>
              )}
              {list(shown.alpha, 'undefined') && (
                <li>{t('agreement.drift.undefinedPeriods', { periods: list(shown.alpha, 'undefined') })}</li>
              )}
              {shown.coders.map(
                (coder) =>
                  list(coder.points, 'too-few-units') && (
                    <li key={coder.coderId}>
                      {t('agreement.drift.coderNotDrawn', {
                        coder: coderName(coder.coderId),
                        periods: list(coder.points, 'too-few-units'),
                        min,
                      })}
                    </li>
                  ),
              )}
              {!shown.coders.some((coder) => coder.drifting) && <li>{t('agreement.drift.noDrift')}</li>}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
