import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A page's heading and document title. The heading takes the focus when the page opens, so a
 * screen reader starts reading the new page and keyboard users start from its top.
 */
export function Page({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Referral`;
  }, [title]);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section className="page">
      <div className="page__head">
        <h1 ref={heading} tabIndex={-1}>{title}</h1>
        {actions && <div className="page__actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}
