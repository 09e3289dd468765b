import { useCallback, useState } from 'react';
import { useLive } from '../live/LiveContext.js';
import { fullTime } from '../ui/format.js';
import { webhookEventTypes, type Webhook } from '@switchboard/client';
import { failure } from './adminText.js';
import { confirmDelete } from './confirmDelete.js';
import { CopyButton } from './CopyButton.js';
import { useResource } from './useResource.js';
import { useSubmit } from './useSubmit.js';

export function WebhooksSection() {
  const { isAdmin, api } = useLive();
  const load = useCallback(() => api.admin.listWebhooks(), [api]);
  const [hooks, reload] = useResource(load);
  const [open, setOpen] = useState<number | null>(null);
  const [secret, setSecret] = useState<string | null>(null);

  const remove = (hook: Webhook) => confirmDelete(`Stop sending events to ${hook.url}? Pending deliveries are dropped.`, () => api.admin.deleteWebhook(hook.id), reload);

  return (
    <section id="webhooks" className="card admin-section" aria-labelledby="webhooks-title">
      <div className="section-head">
        <h2 id="webhooks-title">Webhooks</h2>
        <p className="muted">Signed POSTs of workspace events to your systems, retried until they succeed. Verify <code>X-Switchboard-Signature</code> with the secret.</p>
      </div>
      {!isAdmin && <p className="muted">Only admins can see and manage webhooks.</p>}
      {isAdmin && hooks.kind === 'loading' && <p className="muted">Loading…</p>}
      {isAdmin && hooks.kind === 'error' && <p className="form-error">{failure(hooks.error)}</p>}
      {isAdmin && hooks.kind === 'ready' && (
        <ul className="hook-list">
          {hooks.value.length === 0 && <li className="muted">No webhooks yet.</li>}
          {hooks.value.map((hook) => (
            <li key={hook.id} className="hook">
              <div className="hook-head">
                <code className="hook-url">{hook.url}</code>
                <span className="muted">{hook.eventTypes.includes('*') ? 'All events' : hook.eventTypes.join(', ')}</span>
                <span className="spacer" />
                <button type="button" className="btn btn-small" aria-expanded={open === hook.id} onClick={() => setOpen(open === hook.id ? null : hook.id)}>Deliveries</button>
                <button type="button" className="btn btn-small btn-danger-ghost" onClick={() => void remove(hook)}>Delete</button>
              </div>
              {open === hook.id && <Deliveries id={hook.id} />}
            </li>
          ))}
        </ul>
      )}
      {secret !== null && (
        <div className="secret-box" role="status">
          Signing secret (shown only now): <code>{secret}</code> <CopyButton text={secret} />
          <button type="button" className="link-btn" onClick={() => setSecret(null)}>Done</button>
        </div>
      )}
      {isAdmin && <CreateWebhook onCreated={(sec) => { setSecret(sec); reload(); }} />}
    </section>
  );
}

function Deliveries({ id }: { readonly id: number }) {
  const { api } = useLive();
  const load = useCallback(() => api.admin.listWebhookDeliveries(id, 20), [api, id]);
  const [deliveries, reload] = useResource(load);
  if (deliveries.kind === 'loading') return <p className="muted">Loading deliveries…</p>;
  if (deliveries.kind === 'error') return <p className="form-error">{failure(deliveries.error)}</p>;
  return (
    <div className="deliveries">
      <table className="table table-compact">
        <thead><tr><th scope="col">When</th><th scope="col">Event</th><th scope="col" className="num">Attempt</th><th scope="col">Result</th><th scope="col" className="num">Time</th></tr></thead>
        <tbody>
          {deliveries.value.length === 0 && <tr><td colSpan={5} className="muted">No deliveries yet.</td></tr>}
          {deliveries.value.map((d) => (
            <tr key={d.id}>
              <td>{fullTime(d.createdAt)}</td>
              <td><code>{d.eventType}</code> #{d.eventSeq}</td>
              <td className="num">{d.attempt}</td>
              <td>{d.succeeded ? <span className="pill pill-ok">{d.statusCode ?? 'OK'}</span> : <span className="pill pill-bad" title={d.error ?? ''}>{d.statusCode ?? 'no answer'}{d.error !== null ? ` · ${d.error}` : ''}</span>}</td>
              <td className="num">{d.durationMs} ms</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="link-btn" onClick={reload}>Refresh</button>
    </div>
  );
}

function CreateWebhook({ onCreated }: { readonly onCreated: (secret: string) => void }) {
  const { api } = useLive();
  const [url, setUrl] = useState('');
  const [all, setAll] = useState(true);
  const [types, setTypes] = useState<ReadonlySet<string>>(new Set(['conversation.updated']));

  const { busy, error, submit } = useSubmit(async () => {
    const { secret } = await api.admin.createWebhook({ url: url.trim(), eventTypes: all ? ['*'] : [...types] });
    setUrl('');
    onCreated(secret);
  });

  return (
    <form className="inline-form" onSubmit={submit} aria-label="Add a webhook">
      <h3>Add a webhook</h3>
      <div className="form-row">
        <label className="field field-grow"><span>Endpoint URL</span><input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.com/hooks/switchboard" required /></label>
        <button type="submit" className="btn btn-primary" disabled={busy || url.trim() === '' || (!all && types.size === 0)}>{busy ? 'Adding…' : 'Add webhook'}</button>
      </div>
      <fieldset className="checks">
        <legend>Events</legend>
        <label className="check"><input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> All events</label>
        {!all && webhookEventTypes.map((t) => (
          <label key={t} className="check"><input type="checkbox" checked={types.has(t)}
            onChange={(e) => setTypes((cur) => { const next = new Set(cur); if (e.target.checked) next.add(t); else next.delete(t); return next; })} /> <code>{t}</code></label>
        ))}
      </fieldset>
      {error !== null && <p className="form-error" role="alert">{error}</p>}
    </form>
  );
}
