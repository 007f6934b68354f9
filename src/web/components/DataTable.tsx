import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './Table.css';

export interface Column<T> {
  label: string;
  cell: (row: T) => ReactNode;
}

interface DataTableProps<T> {
  /** Read out by screen readers only. */
  caption: string;
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** The first column: what the row is, across the top of its card on small screens. */
  title: Column<T>;
  /** The other columns; `false` leaves one out. Each cell names its column on small screens. */
  columns: readonly (Column<T> | false)[];
  /** Buttons at the end of each row, under a column heading only screen readers hear. */
  actions?: (row: T) => ReactNode;
}

/** A data table that becomes stacked cards on small screens (see Table.css). */
export function DataTable<T>({ caption, rows, rowKey, title, columns, actions }: DataTableProps<T>) {
  const { t } = useTranslation();
  const shown = columns.filter((column): column is Column<T> => column !== false);
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {[title, ...shown].map((column) => (
              <th key={column.label} scope="col">
                {column.label}
              </th>
            ))}
            {actions && (
              <th scope="col">
                <span className="visually-hidden">{t('members.columns.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              <td className="cell-title">{title.cell(row)}</td>
              {shown.map((column) => (
                <td key={column.label} data-label={column.label}>
                  {column.cell(row)}
                </td>
              ))}
              {actions && <td className="cell-actions">{actions(row)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
