import { useState, type FormEvent } from 'react';
import type { ApiClient, LoginResult } from '@switchboard/client';
import { loginError } from './loginError.js';

interface Props {
  readonly api: ApiClient;
  readonly onSignedIn: (result: LoginResult) => void;
  readonly notice?: string | null;
}

export function LoginPage({ api, onSignedIn, notice = null }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.login(email.trim(), password));
    } catch (err) {
      setError(loginError(err));
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <form className="login-card" onSubmit={(e) => void submit(e)} aria-labelledby="login-title" noValidate>
        <div className="brand brand-large"><span className="brand-mark" aria-hidden="true">S</span> Switchboard</div>
        <h1 id="login-title">Sign in to your workspace</h1>
        {notice !== null && <p className="login-notice">{notice}</p>}
        <label className="field">
          <span>Email</span>
          <input type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required autoFocus />
        </label>
        <label className="field">
          <span>Password</span>
          <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {error !== null && <div role="alert" className="form-error">{error}</div>}
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </main>
  );
}
