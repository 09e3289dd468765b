import { useState } from 'react';
import { newId, type Label } from '@switchboard/client';
import { confirmDelete } from '../admin/confirmDelete.js';
import { useSubmit } from '../admin/useSubmit.js';
import { useLive } from '../live/LiveContext.js';
import { LabelChips } from './LabelChips.js';
import { useLabels } from './useLabels.js';

/** Colours offered first: distinct at a glance; any other `#rrggbb` can be picked too. */
const palette = ['#1f77b4', '#2ca02c', '#d62728', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f'];

/** Admin → Labels: the workspace's labels, live (another admin's change shows at once), to add, edit and delete. */
export function LabelsSection() {
  const labels = useLabels();
  return (
    <section id="labels" className="card admin-section" aria-labelledby="labels-title">
      <div className="section-head">
        <h2 id="labels-title">Labels</h2>
        <p className="muted">Tag conversations (billing, VIP, bug…) to filter the inbox and count them in the statistics. Every operator can apply them.</p>
      </div>
      <ul className="label-admin-list">
        {labels.length === 0 && <li className="muted">No labels yet.</li>}
        {labels.map((l) => <LabelRow key={`${l.id}-${l.version}`} label={l} />)}
      </ul>
      <CreateLabel />
    </section>
  );
}

function LabelRow({ label }: { readonly label: Label }) {
  const { api } = useLive();
  const [name, setName] = useState(label.name);
  const [colour, setColour] = useState(label.colour);
  const [description, setDescription] = useState(label.description ?? '');
  const changed = name.trim() !== label.name || colour !== label.colour || description.trim() !== (label.description ?? '');
  const { busy, error, submit } = useSubmit(async () => {
    await api.labels.update(label.id, { name: name.trim(), colour, description: description.trim() }, newId());
  });
  const remove = () => confirmDelete(`Delete the label "${label.name}"? It is taken off every conversation.`,
    async () => { await api.labels.delete(label.id, newId()); }, () => undefined);
  return (
    <li className="label-admin-row">
      <form className="form-row" onSubmit={submit} aria-label={`Label ${label.name}`}>
        <LabelChips labels={[{ ...label, name: name.trim() || label.name, colour }]} />
        <label className="field"><span>Name</span><input value={name} maxLength={40} required onChange={(e) => setName(e.target.value)} /></label>
        <label className="field"><span>Colour</span><input type="color" value={colour} onChange={(e) => setColour(e.target.value)} /></label>
        <label className="field field-grow"><span>Description</span><input value={description} maxLength={200} onChange={(e) => setDescription(e.target.value)} /></label>
        <button type="submit" className="btn" disabled={busy || !changed || name.trim() === ''}>{busy ? 'Saving…' : 'Save'}</button>
        <button type="button" className="btn btn-danger-ghost" onClick={() => void remove()}>Delete</button>
      </form>
      {error !== null && <p className="form-error" role="alert">{error}</p>}
    </li>
  );
}

function CreateLabel() {
  const { api } = useLive();
  const [name, setName] = useState('');
  const [colour, setColour] = useState(palette[0]!);
  const [description, setDescription] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    await api.labels.create({ name: name.trim(), colour, ...(description.trim() === '' ? {} : { description: description.trim() }) }, newId());
    setName('');
    setDescription('');
  });
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Add a label">
      <h3>Add a label</h3>
      <div className="form-row">
        <label className="field"><span>Name</span><input value={name} maxLength={40} required onChange={(e) => setName(e.target.value)} /></label>
        <label className="field"><span>Colour</span><input type="color" value={colour} onChange={(e) => setColour(e.target.value)} /></label>
        <label className="field field-grow"><span>Description</span><input value={description} maxLength={200} onChange={(e) => setDescription(e.target.value)} /></label>
        <button type="submit" className="btn btn-primary" disabled={busy || name.trim() === ''}>{busy ? 'Adding…' : 'Add label'}</button>
      </div>
      <div className="label-palette" role="group" aria-label="Suggested colours">
        {palette.map((p) => (
          <button key={p} type="button" className="label-swatch-btn" style={{ background: p }} aria-label={`Colour ${p}`} aria-pressed={colour === p}
            onClick={() => setColour(p)} />
        ))}
      </div>
      {error !== null && <p className="form-error" role="alert">{error}</p>}
    </form>
  );
}
