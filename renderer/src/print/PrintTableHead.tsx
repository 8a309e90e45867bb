/** A printed table's column widths (percent of the page width) and its header row, repeated on every printed page. */
export function PrintTableHead({ columns }: { columns: readonly { key?: string; label: string; width: number }[] }) {
  return (
    <>
      <colgroup>
        {columns.map((c) => (
          <col key={c.key ?? c.label} style={{ width: `${c.width}%` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key ?? c.label}>{c.label}</th>
          ))}
        </tr>
      </thead>
    </>
  );
}
