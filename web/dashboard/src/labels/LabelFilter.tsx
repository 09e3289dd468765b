import { useEffect, useSyncExternalStore } from 'react';
import { labelFilter } from './labelFilterState.js';
import { useLabels } from './useLabels.js';

/** The inbox's "Label" filter: a select of the workspace's labels, live (a deleted label drops out and clears the filter). */
export function LabelFilter() {
  const labels = useLabels();
  const selected = useSyncExternalStore(labelFilter.subscribe, labelFilter.get);
  const known = selected === null || labels.some((l) => l.id === selected);
  useEffect(() => { if (!known) labelFilter.set(null); }, [known]);
  if (labels.length === 0 && selected === null) return null;
  return (
    <label className="label-filter">
      <span className="visually-hidden">Label</span>
      <select aria-label="Label" value={selected ?? ''} onChange={(e) => labelFilter.set(e.target.value === '' ? null : Number(e.target.value))}>
        <option value="">All labels</option>
        {labels.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
      </select>
    </label>
  );
}
