import { useCallback, useState } from 'react';
import { useLive } from '../live/LiveContext.js';
import { toasts } from '../ui/toastStore.js';
import type { MemberChange, MemberDetails } from '@switchboard/client';
import { failure } from './adminText.js';
import { useResource } from './useResource.js';
import { useSubmit } from './useSubmit.js';

export function MembersSection() {
  const { isAdmin, me, api } = useLive();
  const load = useCallback(() => api.admin.listMembers(), [api]);
  const [members, reload] = useResource(load);
  const [busy, setBusy] = useState<number | null>(null);

  async function change(m: MemberDetails, patch: MemberChange, done: string) {
    setBusy(m.id);
    try {
      await api.admin.updateMember(m.id, patch);
      toasts.push('info', done);
      reload();
    } catch (error) {
      toasts.push('error', failure(error));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section id="members" className="card admin-section" aria-labelledby="members-title">
      <div className="section-head">
        <h2 id="members-title">Members</h2>
        <p className="muted">Operators answer conversations; admins also manage the workspace. Capacity caps how many open conversations one can own.</p>
      </div>
      {members.kind === 'loading' && <p className="muted">Loading…</p>}
      {members.kind === 'error' && <p className="form-error">{failure(members.error)}</p>}
      {members.kind === 'ready' && (
        <table className="table">
          <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Presence</th><th scope="col" className="num">Capacity</th><th scope="col" className="num">Messages</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {members.value.map((m) => (
              <tr key={m.id} className={m.active ? '' : 'inactive'}>
                <th scope="row"><span className="cell-main">{m.name}{m.id === me.id && <span className="muted"> (you)</span>}</span><span className="cell-sub">{m.email}</span></th>
                <td>
                  {isAdmin && m.id !== me.id
                    ? (
                      <select aria-label={`Role of ${m.name}`} value={m.role} disabled={busy === m.id || !m.active}
                        onChange={(e) => void change(m, { role: e.target.value }, `${m.name} is now ${e.target.value === 'admin' ? 'an admin' : 'an operator'}.`)}>
                        <option value="operator">Operator</option>
                        <option value="admin">Admin</option>
                      </select>
                    )
                    : <span className="pill">{m.role === "admin" ? "Admin" : "Operator"}</span>}
                </td>
                <td>{m.active ? <span className={`presence-label presence-${m.presence}`}><span className="presence-dot" aria-hidden="true" />{m.presence}</span> : <span className="pill">Deactivated</span>}</td>
                <td className="num">{m.capacity}</td>
                <td className="num">{m.totalMessages}</td>
                <td className="actions">
                  {isAdmin && m.id !== me.id && (m.active
                    ? <button type="button" className="btn btn-small btn-danger-ghost" disabled={busy === m.id}
                      onClick={() => { if (confirm(`Deactivate ${m.name}? They are signed out everywhere.`)) void change(m, { active: false }, `${m.name} was deactivated.`); }}>Deactivate</button>
                    : <button type="button" className="btn btn-small" disabled={busy === m.id} onClick={() => void change(m, { active: true }, `${m.name} was reactivated.`)}>Reactivate</button>)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {isAdmin && <InviteForm onInvited={reload} />}
    </section>
  );
}

function InviteForm({ onInvited }: { readonly onInvited: () => void }) {
  const { api } = useLive();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState('operator');
  const [temporary, setTemporary] = useState<{ email: string; password: string } | null>(null);

  const { busy, error, submit } = useSubmit(async () => {
    const { temporaryPassword } = await api.admin.createMember({ email: email.trim(), name: name.trim(), role });
    if (temporaryPassword !== null && temporaryPassword !== '') setTemporary({ email: email.trim(), password: temporaryPassword });
    toasts.push('info', `${name.trim()} was invited.`);
    setEmail('');
    setName('');
    onInvited();
  });

  return (
    <form className="inline-form" onSubmit={submit} aria-label="Invite a member">
      <h3>Invite a member</h3>
      <div className="form-row">
        <label className="field"><span>Name</span><input value={name} onChange={(e) => setName(e.target.value)} required /></label>
        <label className="field"><span>Email</span><input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required /></label>
        <label className="field"><span>Role</span>
          <select value={role} onChange={(e) => setRole(e.target.value)}><option value="operator">Operator</option><option value="admin">Admin</option></select>
        </label>
        <button type="submit" className="btn btn-primary" disabled={busy || email.trim() === '' || name.trim() === ''}>{busy ? 'Inviting…' : 'Invite'}</button>
      </div>
      {error !== null && <p className="form-error" role="alert">{error}</p>}
      {temporary !== null && (
        <div className="secret-box" role="status">
          Temporary password for {temporary.email}: <code>{temporary.password}</code> — shown only now. Send it to them safely.
          <button type="button" className="link-btn" onClick={() => setTemporary(null)}>Done</button>
        </div>
      )}
    </form>
  );
}
