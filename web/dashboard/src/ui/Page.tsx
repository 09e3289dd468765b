import type { ReactNode } from 'react';

/** A scrolling page with its heading, a lead sentence and the page's own controls beside them. */
export function Page({ title, lead, wide = false, className = '', actions, children }: {
  readonly title: string;
  readonly lead: ReactNode;
  readonly wide?: boolean;
  readonly className?: string;
  readonly actions?: ReactNode;
  readonly children: ReactNode;
}) {
  return (
    <main className="page-scroll">
      <div className={['page-inner', wide ? 'page-wide' : '', className].filter((c) => c !== '').join(' ')}>
        <header className="page-head">
          <div>
            <h1>{title}</h1>
            <p className="muted">{lead}</p>
          </div>
          {actions}
        </header>
        {children}
      </div>
    </main>
  );
}
