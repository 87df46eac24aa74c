import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../shared/model/index.ts';
import { formatNumber } from '../../i18n.ts';
import type { AppealList as List } from './appealList.ts';

const ROW_HEIGHT = 30;

/**
 * The filtered appeals as a list that renders only the rows in view (@tanstack/react-virtual),
 * so 100 000 appeals scroll as smoothly as 300. A row shows the position, the id and whether
 * the shown coder has coded it.
 */
export const AppealList = memo(function AppealList(props: {
  list: List;
  coded: ReadonlySet<string> | undefined;
  index: number;
  onPick: (index: number) => void;
}) {
  const { list, coded, index, onPick } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const scroller = useRef<HTMLDivElement>(null);
  const codedTitle = t('coding.coded');
  const uncodedTitle = t('coding.uncoded');
  const virtualizer = useVirtualizer({
    count: list.ids.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  // Scrolled only when the row is out of view, judged by the sizes the virtualizer keeps, and by
  // setting the scroll offset: its scrollToIndex reads the list's height from the page (a layout)
  // on every move, and again in the frames after. Set at the start of the next frame: setting it
  // lays the page out, which the key press that moved on then does not wait for.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const { scrollOffset, scrollRect } = virtualizer;
      const element = scroller.current;
      const top = index * ROW_HEIGHT;
      if (scrollOffset === null || scrollRect === null || !element) {
        virtualizer.scrollToIndex(index, { align: 'auto' });
        return;
      }
      if (top < scrollOffset) element.scrollTop = top;
      else if (top + ROW_HEIGHT > scrollOffset + scrollRect.height)
        element.scrollTop = top + ROW_HEIGHT - scrollRect.height;
    });
    return () => cancelAnimationFrame(frame);
  }, [virtualizer, index]);

  return (
    <nav className="card appeal-list" aria-label={t('coding.list')}>
      <div ref={scroller} className="appeal-list-scroller">
        <ol style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const id = list.ids[item.index]!;
            const done = !!coded?.has(id);
            return (
              <Row
                key={id}
                id={id}
                at={item.index}
                start={item.start}
                done={done}
                current={item.index === index}
                lang={lang}
                title={done ? codedTitle : uncodedTitle}
                onPick={onPick}
              />
            );
          })}
        </ol>
      </div>
    </nav>
  );
});

/**
 * One row of the list. Memoised: moving on changes two rows (the one left and the one reached)
 * and scrolling adds a few, so a render of the list redraws those only.
 */
const Row = memo(function Row(props: {
  id: string;
  at: number;
  start: number;
  done: boolean;
  current: boolean;
  lang: Lang;
  title: string;
  onPick: (index: number) => void;
}) {
  const { id, at, start, done, current, lang, title, onPick } = props;
  return (
    <li style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT }}>
      <button
        type="button"
        tabIndex={-1}
        className={current ? 'current' : undefined}
        aria-current={current || undefined}
        onClick={() => onPick(at)}
      >
        <span className="list-position">{formatNumber(at + 1, lang)}</span>
        <span className="list-id">{id}</span>
        <span className={done ? 'list-mark done' : 'list-mark'} title={title}>
          {done ? '✓' : '·'}
        </span>
      </button>
    </li>
  );
});
