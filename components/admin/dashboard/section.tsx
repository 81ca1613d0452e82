import { focusRing } from '@/components/admin/webhooks/styles';
import { useId, type ReactNode } from 'react';

/** A titled card of the dashboard: a region named by its heading. */
export function Section({ title, children, className = '', actions }: { title: string; children: ReactNode; className?: string; actions?: ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={`rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 ${className}`}>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** Figures line up on the right. */
  numeric?: boolean;
}

/**
 * A plain, named table: the dashboard's text alternative for every chart and its breakdowns. On a phone a table can be
 * wider than its card: it scrolls sideways in a frame a keyboard can reach (a focusable group named like the table, not a region: the
 * dashboard's regions are its sections), while its
 * caption stays above that frame, readable without scrolling (a `<caption>` would be as wide as the table and cut off).
 */
export function DataTable<Row>({ caption, columns, rows, rowKey, empty, hideCaption = false }: {
  caption: string;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  empty: string;
  hideCaption?: boolean;
}) {
  const captionId = useId();
  if (rows.length === 0) {
    return (
      <>
        {hideCaption ? null : <p className="mb-1 text-sm font-medium text-slate-700">{caption}</p>}
        <p className="text-sm text-slate-600">{empty}</p>
      </>
    );
  }
  return (
    <>
      <p id={captionId} className={hideCaption ? 'sr-only' : 'mb-2 text-sm font-medium text-slate-700'}>
        {caption}
      </p>
      <div
        role="group"
        aria-labelledby={captionId}
        tabIndex={0}
        className={`overflow-x-auto rounded ${focusRing}`}
      >
        <table aria-labelledby={captionId} className="w-full border-collapse text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-slate-600">
              {columns.map((column) => (
                <th key={column.header} scope="col" className={`px-2 py-1.5 font-medium ${column.numeric ? 'text-end' : 'text-start'}`}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)} className="border-b border-slate-100 last:border-0">
                {columns.map((column, index) =>
                  index === 0 ? (
                    // At least 7rem, so that a label breaks only where it must (a long URL), never "alemá|n".
                    <th key={column.header} scope="row" className="min-w-28 px-2 py-1.5 text-start font-normal text-slate-900">
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.header} className={`px-2 py-1.5 text-slate-700 ${column.numeric ? 'text-end whitespace-nowrap tabular-nums' : ''}`}>
                      {column.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
