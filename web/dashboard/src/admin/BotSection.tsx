import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLive } from '../live/LiveContext.js';
import { toasts } from '../ui/toastStore.js';
import { WorkspaceSwitch } from './WorkspaceSwitch.js';
import type { BotConfig, BotConfigChange } from '@switchboard/client';
import { failure, isMissingFeature } from './adminText.js';
import { FeatureMissing } from './FeatureMissing.js';
import { useResource } from './useResource.js';
import { useSubmit } from './useSubmit.js';

interface BotForm {
  engine: string;
  greeting: string;
  confidenceThreshold: string;
  handoffPhrases: string;
  handoffMessage: string;
  replyTimeoutSeconds: string;
  llmBaseUrl: string;
  llmModel: string;
  llmApiKey: string;
  llmSystemPrompt: string;
  llmTemperature: string;
  llmApiKeySet: boolean;
  externalUrl: string;
  externalSecret: string;
  externalSecretSet: boolean;
}

function toForm(c: BotConfig): BotForm {
  const num = (n: number | null) => n === null ? '' : String(n);
  return {
    engine: c.engine ?? 'knowledge_base', greeting: c.greeting ?? '', confidenceThreshold: num(c.confidenceThreshold),
    handoffPhrases: c.handoffPhrases.join('\n'), handoffMessage: c.handoffMessage ?? '', replyTimeoutSeconds: num(c.replyTimeoutSeconds),
    llmBaseUrl: c.llm.baseUrl ?? '', llmModel: c.llm.model ?? '', llmApiKey: '', llmSystemPrompt: c.llm.systemPrompt ?? '',
    llmTemperature: num(c.llm.temperature), llmApiKeySet: c.llm.apiKeySet,
    externalUrl: c.external.url ?? '', externalSecret: '', externalSecretSet: c.external.secretSet,
  };
}

/** Bot settings: the workspace's bot switch (PATCH /workspace) and the engine's configuration (PATCH /api/v1/bot). */
export function BotSection() {
  const { isAdmin, api } = useLive();
  const loadBot = useCallback(() => api.admin.getBot(), [api]);
  const [bot, reloadBot] = useResource(loadBot);
  // One form value per load: a new object on every render would reset the form's edits (BotConfigForm's effect).
  const initial = useMemo(() => bot.kind === 'ready' ? toForm(bot.value) : null, [bot]);

  return (
    <section id="bot" className="card admin-section" aria-labelledby="bot-title">
      <div className="section-head">
        <h2 id="bot-title">Bot settings</h2>
        <p className="muted">The bot answers new conversations first and hands off to the waiting room when it cannot help.</p>
      </div>
      <WorkspaceSwitch field="botEnabled" label="Bot answers new conversations" help="When off, every new conversation goes straight to the waiting room." />
      {bot.kind === 'loading' && <p className="muted">Loading…</p>}
      {bot.kind === 'error' && (isMissingFeature(bot.error) ? <FeatureMissing what="bot engine settings (/api/v1/bot)" /> : <p className="form-error">{failure(bot.error)}</p>)}
      {initial !== null && <BotConfigForm initial={initial} disabled={!isAdmin} onSaved={reloadBot} />}
    </section>
  );
}

function BotConfigForm({ initial, disabled, onSaved }: { readonly initial: BotForm; readonly disabled: boolean; readonly onSaved: () => void }) {
  const { api } = useLive();
  const [form, setForm] = useState(initial);
  useEffect(() => setForm(initial), [initial]);
  const set = (k: keyof BotForm) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  const { busy, error, submit } = useSubmit(async () => {
    const number = (v: string) => v.trim() === '' ? null : Number(v);
    const body: BotConfigChange = {
      engine: form.engine, greeting: form.greeting, handoffMessage: form.handoffMessage,
      handoffPhrases: form.handoffPhrases.split('\n').map((p) => p.trim()).filter((p) => p !== ''),
      confidenceThreshold: number(form.confidenceThreshold), replyTimeoutSeconds: number(form.replyTimeoutSeconds),
      llm: { baseUrl: form.llmBaseUrl, model: form.llmModel, systemPrompt: form.llmSystemPrompt, temperature: number(form.llmTemperature), ...(form.llmApiKey !== '' ? { apiKey: form.llmApiKey } : {}) },
      external: { url: form.externalUrl, ...(form.externalSecret !== '' ? { secret: form.externalSecret } : {}) },
    };
    await api.admin.updateBot(body);
    toasts.push('info', 'Bot settings saved.');
    onSaved();
  });

  return (
    <form className="bot-form" onSubmit={submit} aria-label="Bot engine">
      <fieldset disabled={disabled || busy}>
        <div className="form-grid">
          <label className="field"><span>Engine</span>
            <select value={form.engine} onChange={set('engine')}>
              <option value="knowledge_base">Knowledge base (FAQ)</option>
              <option value="llm">LLM (OpenAI-compatible)</option>
              <option value="external">External (webhook)</option>
            </select>
          </label>
          <label className="field"><span>Confidence threshold (0–1)</span><input type="number" min={0} max={1} step={0.05} value={form.confidenceThreshold} onChange={set('confidenceThreshold')} /></label>
          <label className="field"><span>Reply timeout (seconds)</span><input type="number" min={1} value={form.replyTimeoutSeconds} onChange={set('replyTimeoutSeconds')} /></label>
          <label className="field field-wide"><span>Greeting</span><input value={form.greeting} onChange={set('greeting')} placeholder="Empty: say nothing" /></label>
          <label className="field field-wide"><span>Handoff message</span><input value={form.handoffMessage} onChange={set('handoffMessage')} placeholder="Empty: say nothing" /></label>
          <label className="field field-wide"><span>Handoff phrases (one per line)</span><textarea rows={3} value={form.handoffPhrases} onChange={set('handoffPhrases')} /></label>
        </div>
        {form.engine === 'llm' && (
          <div className="form-grid sub-form">
            <label className="field"><span>Base URL</span><input value={form.llmBaseUrl} onChange={set('llmBaseUrl')} placeholder="https://api.openai.com/v1" /></label>
            <label className="field"><span>Model</span><input value={form.llmModel} onChange={set('llmModel')} /></label>
            <label className="field"><span>API key</span><input type="password" autoComplete="off" value={form.llmApiKey} onChange={set('llmApiKey')} placeholder={form.llmApiKeySet ? 'Set (leave empty to keep)' : 'Not set'} /></label>
            <label className="field"><span>Temperature</span><input type="number" min={0} max={2} step={0.1} value={form.llmTemperature} onChange={set('llmTemperature')} /></label>
            <label className="field field-wide"><span>System prompt</span><textarea rows={3} value={form.llmSystemPrompt} onChange={set('llmSystemPrompt')} /></label>
          </div>
        )}
        {form.engine === 'external' && (
          <div className="form-grid sub-form">
            <label className="field field-wide"><span>Webhook URL</span><input value={form.externalUrl} onChange={set('externalUrl')} placeholder="https://bot.example.com/switchboard" /></label>
            <label className="field"><span>Signing secret (16+ characters)</span><input type="password" autoComplete="off" value={form.externalSecret} onChange={set('externalSecret')} placeholder={form.externalSecretSet ? 'Set (leave empty to keep)' : 'Not set'} /></label>
          </div>
        )}
        {error !== null && <p className="form-error" role="alert">{error}</p>}
        {!disabled && <div className="form-actions"><button type="submit" className="btn btn-primary">{busy ? 'Saving…' : 'Save bot settings'}</button></div>}
      </fieldset>
    </form>
  );
}
