import { useId, type ReactNode } from 'react';

/**
 * A table that may be wider than a phone: it scrolls sideways in a region that takes the keyboard
 * focus (so it can be scrolled without a mouse) and is named by the table's caption; the row headers
 * stay in view while it scrolls.
 */
export function ScrollTable({ caption, captionHidden, children }: { caption: string; captionHidden?: boolean; children: ReactNode }) {
  const id = useId();
  return (
    <div className="table-wrap table-wrap--sticky" tabIndex={0} role="region" aria-labelledby={id}>
      <table>
        <caption id={id} className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
