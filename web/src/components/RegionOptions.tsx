interface Region {
  id: string;
  name: string;
}

/** The options of a region picker; a region the catalog does not list (typed in a URL, say) stays selectable. */
export function RegionOptions({ regions, selected }: { regions: readonly Region[]; selected: string }) {
  return (
    <>
      {!regions.some((r) => r.id === selected) && <option value={selected}>{selected}</option>}
      {regions.map((r) => (
        <option key={r.id} value={r.id}>
          {r.name} ({r.id})
        </option>
      ))}
    </>
  );
}
