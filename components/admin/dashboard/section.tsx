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

/** A plain, captioned table: the dashboard's text alternative for every chart and its breakdowns. */
export function DataTable<Row>({ caption, columns, rows, rowKey, empty, hideCaption = false }: {
  caption: string;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  empty: string;
  hideCaption?: boolean;
}) {
  if (rows.length === 0) {
    return (
      <>
        {hideCaption ? null : <p className="mb-1 text-sm font-medium text-slate-700">{caption}</p>}
        <p className="text-sm text-slate-600">{empty}</p>
      </>
    );
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className={hideCaption ? 'sr-only' : 'mb-2 text-left text-sm font-medium text-slate-700'}>{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-slate-600">
            {columns.map((column) => (
              <th key={column.header} scope="col" className={`px-2 py-1.5 font-medium ${column.numeric ? 'text-right' : 'text-left'}`}>
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
                  <th key={column.header} scope="row" className="px-2 py-1.5 text-left font-normal text-slate-900">
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.header} className={`px-2 py-1.5 text-slate-700 ${column.numeric ? 'text-right tabular-nums' : ''}`}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
