import { useId, useState, type FormEvent } from 'react';
import { errorText } from '../../shared/error-text';
import { useT } from '../../shared/i18n';
import { LanguageSwitch } from '../header/language-switch';
import { useLogin } from './queries';

export function LoginForm() {
  const t = useT();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const ids = { user: useId(), pass: useId(), error: useId() };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ username: username.trim(), password });
  };

  return (
    <main className="login-screen">
      <form className="login-card" onSubmit={submit} aria-describedby={login.isError ? ids.error : undefined}>
        <div className="login-lang">
          <LanguageSwitch />
        </div>
        <h1>{t('login.title')}</h1>
        <p className="muted">{t('login.subtitle')}</p>
        <label htmlFor={ids.user}>{t('login.username')}</label>
        <input
          id={ids.user}
          name="username"
          autoComplete="username"
          required
          maxLength={64}
          autoFocus
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor={ids.pass}>{t('login.password')}</label>
        <input
          id={ids.pass}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={256}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {login.isError && (
          <p id={ids.error} className="form-error" role="alert">
            {errorText(t, login.error, 'login')}
          </p>
        )}
        <button type="submit" className="primary" disabled={login.isPending} aria-busy={login.isPending}>
          {t('login.submit')}
        </button>
        {login.isPending && (
          <p className="muted" role="status">
            {t('login.busy')}
          </p>
        )}
      </form>
    </main>
  );
}
