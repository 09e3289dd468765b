import { useState, type FormEvent } from 'react';
import { HttpError, TransportError, type ApiClient, type LoginResult } from '@switchboard/client';

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

function loginError(err: unknown): string {
  if (err instanceof HttpError) {
    if (err.status === 401 || err.status === 400) return 'Wrong email or password.';
    if (err.status === 429) return 'Too many attempts. Wait a minute and try again.';
    if (err.status === 403) return 'This account is deactivated.';
    return `Sign-in failed (${err.code}).`;
  }
  if (err instanceof TransportError) return 'The server cannot be reached. Check your connection and try again.';
  return 'Sign-in failed.';
}
