import { useState } from 'react';
import { newId, type Member, type Team } from '@switchboard/client';
import { confirmDelete } from '../admin/confirmDelete.js';
import { failure } from '../admin/adminText.js';
import { useSubmit } from '../admin/useSubmit.js';
import { useLive, useMembers } from '../live/LiveContext.js';
import { toasts } from '../ui/toastStore.js';
import { useTeams } from './useTeams.js';

/**
 * Admin → Teams: teams of operators, each seeing the conversations of its inboxes (an inbox's team is picked under
 * Inboxes). Live: every change is a `team.updated` / `team.deleted` that reloads the list in every admin's dashboard.
 */
export function TeamsSection() {
  const teams = useTeams();
  const members = useMembers();
  return (
    <section id="teams" className="card admin-section" aria-labelledby="teams-title">
      <div className="section-head">
        <h2 id="teams-title">Teams</h2>
        <p className="muted">
          Put an inbox in a team (under Inboxes) and only the team’s operators see its conversations, its queue and its search results.
          Inboxes without a team stay visible to every operator; admins see everything.
        </p>
      </div>
      {teams.kind === 'loading' && <p className="muted">Loading…</p>}
      {teams.kind === 'error' && <p className="form-error">{failure(teams.error)}</p>}
      {teams.kind === 'ready' && (
        <ul className="team-list">
          {teams.value.length === 0 && <li className="muted">No teams yet: every operator sees every conversation.</li>}
          {teams.value.map((t) => <TeamRow key={`${t.id}-${t.version}`} team={t} members={members} />)}
        </ul>
      )}
      <CreateTeam />
    </section>
  );
}

function TeamRow({ team, members }: { readonly team: Team; readonly members: readonly Member[] }) {
  const { api } = useLive();
  const [name, setName] = useState(team.name);
  const { busy, error, submit } = useSubmit(async () => {
    await api.teams.update(team.id, { name: name.trim() }, newId());
  });
  // A ticked box shows at once; the server's team.updated then remounts the row (its key has the version) with the truth.
  const [pending, setPending] = useState<ReadonlyMap<number, boolean>>(new Map());
  const isMember = (id: number) => pending.get(id) ?? team.memberIds.includes(id);
  const toggle = async (memberId: number, on: boolean) => {
    const memberIds = [...members.map((m) => m.id).filter((id) => id === memberId ? on : isMember(id)),
      ...team.memberIds.filter((id) => !members.some((m) => m.id === id))];
    setPending((p) => new Map(p).set(memberId, on));
    try {
      await api.teams.update(team.id, { memberIds }, newId());
    } catch (e) {
      setPending((p) => { const next = new Map(p); next.delete(memberId); return next; });
      toasts.push('error', failure(e));
    }
  };
  const remove = () => confirmDelete(`Delete the team "${team.name}"? Its inboxes become visible to every operator.`,
    async () => { await api.teams.delete(team.id, newId()); }, () => undefined);
  const inboxes = team.inboxIds.length === 1 ? '1 inbox' : `${team.inboxIds.length} inboxes`;
  return (
    <li className="team-row">
      <form className="form-row" onSubmit={submit} aria-label={`Team ${team.name}`}>
        <label className="field field-grow"><span>Name</span><input value={name} maxLength={60} required onChange={(e) => setName(e.target.value)} /></label>
        <span className="pill">{inboxes}</span>
        <button type="submit" className="btn" disabled={busy || name.trim() === '' || name.trim() === team.name}>{busy ? 'Saving…' : 'Rename'}</button>
        <button type="button" className="btn btn-danger-ghost" onClick={() => void remove()}>Delete</button>
      </form>
      <fieldset className="team-members">
        <legend>Members of {team.name}</legend>
        {members.map((m) => (
          <label key={m.id} className="check">
            <input type="checkbox" checked={isMember(m.id)} onChange={(e) => void toggle(m.id, e.target.checked)} />
            <span>{m.name}{m.role === 'admin' ? ' (admin)' : ''}</span>
          </label>
        ))}
      </fieldset>
      {error !== null && <p className="form-error" role="alert">{error}</p>}
    </li>
  );
}

function CreateTeam() {
  const { api } = useLive();
  const [name, setName] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    await api.teams.create({ name: name.trim() }, newId());
    setName('');
  });
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Add a team">
      <h3>Add a team</h3>
      <div className="form-row">
        <label className="field field-grow"><span>Team name</span><input value={name} maxLength={60} required onChange={(e) => setName(e.target.value)} placeholder="e.g. Sales" /></label>
        <button type="submit" className="btn btn-primary" disabled={busy || name.trim() === ''}>{busy ? 'Adding…' : 'Add team'}</button>
      </div>
      {error !== null && <p className="form-error" role="alert">{error}</p>}
    </form>
  );
}

/** An inbox's team, under Admin → Inboxes: "Everyone" (no team) or one team; the change is the server's, live for all. */
export function InboxTeamPicker({ inboxId, inboxName, teamId, teams }: {
  readonly inboxId: number; readonly inboxName: string; readonly teamId: number | null; readonly teams: readonly Team[];
}) {
  const { api } = useLive();
  const [busy, setBusy] = useState(false);
  const change = async (value: string) => {
    setBusy(true);
    try {
      await api.teams.setInboxTeam(inboxId, value === '' ? null : Number(value), newId());
    } catch (e) {
      toasts.push('error', failure(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <label className="field inbox-team">
      <span>Team</span>
      <select aria-label={`Team of ${inboxName}`} value={teamId === null ? '' : String(teamId)} disabled={busy} onChange={(e) => void change(e.target.value)}>
        <option value="">Everyone (no team)</option>
        {teams.map((t) => <option key={t.id} value={String(t.id)}>{t.name}</option>)}
      </select>
    </label>
  );
}
