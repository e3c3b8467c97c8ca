'use client';

import { useState, type FormEvent } from 'react';
import { signInWithPassword } from '../auth/sign-in';
import { safeNextPath } from '../lib/url-state';

const text = (value: FormDataEntryValue | null): string => (typeof value === 'string' ? value : '');

export function LoginForm() {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = text(form.get('username')).trim();
    const password = text(form.get('password'));
    if (username === '' || password === '') {
      setError('Enter both your username and your password.');
      return;
    }
    setPending(true);
    setError(null);
    const message = await signInWithPassword(username, password);
    if (message === null) {
      window.location.assign(safeNextPath(new URLSearchParams(window.location.search).get('next')));
      return;
    }
    setPending(false);
    setError(message);
  }

  return (
    <form className="login" onSubmit={(event) => void submit(event)} noValidate aria-busy={pending}>
      <h1 className="brand">
        Twinhelm
        <small>Sign in to the operations console</small>
      </h1>
      <div className="field">
        <label htmlFor="username">Username</label>
        <input
          id="username"
          name="username"
          className="input"
          autoComplete="username"
          autoCapitalize="none"
          required
        />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          className="input"
          autoComplete="current-password"
          required
        />
      </div>
      {error ? (
        <p className="message message--error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button button--primary" disabled={pending}>
        Sign in
      </button>
    </form>
  );
}
