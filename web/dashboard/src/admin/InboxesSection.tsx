import { useCallback, useSyncExternalStore, useState } from 'react';
import { InboxTeamPicker } from '../teams/TeamsSection.js';
import { useTeams } from '../teams/useTeams.js';
import { useLive } from '../live/LiveContext.js';
import { toasts } from '../ui/toastStore.js';
import { failure, widgetSnippet } from './adminText.js';
import { CopyButton } from './CopyButton.js';
import { useResource } from './useResource.js';
import { useSubmit } from './useSubmit.js';

export function InboxesSection() {
  const { isAdmin, api, store } = useLive();
  // An inbox's team changes with a team event: reload then, so every admin's picker shows the server's choice.
  const teamsRevision = useSyncExternalStore(store.subscribe, () => store.teamsRevision);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const load = useCallback(() => api.admin.listInboxes(), [api, teamsRevision]);
  const teams = useTeams();
  const [inboxes, reload] = useResource(load);
  const [name, setName] = useState('');

  const { busy, error, submit: create } = useSubmit(async () => {
    await api.admin.createInbox({ name: name.trim(), channel: 'widget' });
    toasts.push('info', `Inbox “${name.trim()}” was created.`);
    setName('');
    reload();
  });

  return (
    <section id="inboxes" className="card admin-section" aria-labelledby="inboxes-title">
      <div className="section-head">
        <h2 id="inboxes-title">Inboxes</h2>
        <p className="muted">Each website widget inbox has a public token. Paste its snippet before <code>&lt;/body&gt;</code> on your site.</p>
      </div>
      {inboxes.kind === 'loading' && <p className="muted">Loading…</p>}
      {inboxes.kind === 'error' && <p className="form-error">{failure(inboxes.error)}</p>}
      {inboxes.kind === 'ready' && (
        <ul className="inbox-list">
          {inboxes.value.length === 0 && <li className="muted">No inboxes yet.</li>}
          {inboxes.value.map((inbox) => {
            const snippet = widgetSnippet(location.origin, inbox.publicToken);
            return (
              <li key={inbox.id} className="inbox-row">
                <div className="inbox-title"><strong>{inbox.name}</strong><span className="pill">{inbox.channel === 'widget' ? 'Website widget' : inbox.channel}</span></div>
                {isAdmin && teams.kind === 'ready' && (
                  <InboxTeamPicker inboxId={inbox.id} inboxName={inbox.name} teamId={inbox.teamId} teams={teams.value} />
                )}
                {inbox.channel === 'widget' && (
                  <div className="snippet">
                    <code aria-label={`Widget snippet for ${inbox.name}`}>{snippet}</code>
                    <CopyButton text={snippet} />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {isAdmin && (
        <form className="inline-form" onSubmit={create} aria-label="Create a widget inbox">
          <h3>New website widget</h3>
          <div className="form-row">
            <label className="field"><span>Inbox name</span><input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Shop website" required /></label>
            <button type="submit" className="btn btn-primary" disabled={busy || name.trim() === ''}>{busy ? 'Creating…' : 'Create inbox'}</button>
          </div>
          {error !== null && <p className="form-error" role="alert">{error}</p>}
        </form>
      )}
    </section>
  );
}
