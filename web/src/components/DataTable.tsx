import type { ComponentChildren } from 'preact';

export interface Column<T> {
  key: string;
  header: string;
  /** Cell content. */
  cell: (row: T) => ComponentChildren;
  /** Value compared when sorting by this column; no sort button without it. */
  sortValue?: (row: T) => number | string | null;
  numeric?: boolean;
}

export interface SortState {
  key: string;
  dir: 'asc' | 'desc';
}

interface Props<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  sort?: SortState | null;
  onSort?: (sort: SortState) => void;
  empty?: string;
}

/** A table with sortable headers (buttons, aria-sort) in a horizontally scrollable, focusable region. */
export function DataTable<T>({ caption, columns, rows, rowKey, sort, onSort, empty }: Props<T>) {
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = sort?.key === c.key;
              const ariaSort = active ? (sort!.dir === 'asc' ? 'ascending' : 'descending') : undefined;
              return (
                <th key={c.key} scope="col" aria-sort={ariaSort} class={c.numeric ? 'num' : undefined}>
                  {c.sortValue && onSort ? (
                    <button
                      type="button"
                      class="sort"
                      onClick={() => onSort({ key: c.key, dir: active && sort!.dir === 'asc' ? 'desc' : 'asc' })}
                    >
                      {c.header}
                      <span aria-hidden="true">{active ? (sort!.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>{empty ?? 'Nothing to show.'}</td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr key={rowKey(r)}>
                {columns.map((c) => (
                  <td key={c.key} class={c.numeric ? 'num' : undefined}>
                    {c.cell(r)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

export function sortRows<T>(rows: T[], columns: Column<T>[], sort: SortState | null | undefined): T[] {
  const col = sort && columns.find((c) => c.key === sort.key);
  if (!col?.sortValue) return rows;
  const f = col.sortValue;
  const sign = sort!.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = f(a);
    const y = f(b);
    if (x === y) return 0;
    if (x === null) return 1; // missing values last either way
    if (y === null) return -1;
    return (x < y ? -1 : 1) * sign;
  });
}
