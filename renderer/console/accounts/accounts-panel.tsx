// The supervisor's account view (v1.1): create an account, disable or enable it, reset its password, change
// its role. The central side owns accounts; every change goes through it with the supervisor's own token.
import { useId, useState, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH, type AccountView } from '../../../src/common/accounts-api';
import { ROLES, type Role } from '../../../src/common/entities';
import { HostRequestError } from '../../../src/common/host-api';
import { errorText } from '../../shared/error-text';
import { useT } from '../../shared/i18n';
import type { Translate } from '../../shared/i18n/translate';
import { newAccountProblems, passwordProblem } from './account-form';
import { useAccounts, useCreateAccount, useUpdateAccount } from './account-queries';

const OWN_CODES = new Set([
  'username_taken',
  'weak_password',
  'self_lockout',
  'central_login_required',
  'central_unreachable',
]);

function accountError(t: Translate, error: unknown): string {
  if (error instanceof HostRequestError && OWN_CODES.has(error.code)) {
    return t(`accounts.error.${error.code}` as 'accounts.error.username_taken', { min: MIN_PASSWORD_LENGTH });
  }
  return errorText(t, error);
}

function CreateForm() {
  const t = useT();
  const create = useCreateAccount();
  const [draft, setDraft] = useState({ username: '', name: '', role: 'operator' as Role, password: '' });
  const [tried, setTried] = useState(false);
  const problems = newAccountProblems(draft);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problems.length > 0) return;
    create.mutate(draft, {
      onSuccess: () => {
        setDraft({ username: '', name: '', role: 'operator', password: '' });
        setTried(false);
      },
    });
  };
  const set = (field: keyof typeof draft) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [field]: e.target.value });
  return (
    <form className="account-create" onSubmit={submit} noValidate>
      <label>
        {t('accounts.username')}{' '}
        <input value={draft.username} onChange={set('username')} autoComplete="off" spellCheck={false} />
      </label>
      <label>
        {t('accounts.name')} <input value={draft.name} onChange={set('name')} autoComplete="off" />
      </label>
      <label>
        {t('accounts.role')}{' '}
        <select value={draft.role} onChange={set('role')}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('accounts.password')}{' '}
        <input type="password" value={draft.password} onChange={set('password')} autoComplete="new-password" />
      </label>
      <button type="submit" disabled={create.isPending}>
        {t('accounts.create')}
      </button>
      {tried &&
        problems.map((p) => (
          <p key={p} className="form-error" role="alert">
            {t(p, { min: MIN_PASSWORD_LENGTH })}
          </p>
        ))}
      {create.isError && (
        <p className="form-error" role="alert">
          {accountError(t, create.error)}
        </p>
      )}
    </form>
  );
}

function AccountRow({ account, self }: { account: AccountView; self: boolean }) {
  const t = useT();
  const update = useUpdateAccount();
  const [password, setPassword] = useState<string | null>(null);
  const change = (changes: { role?: Role; disabled?: boolean; password?: string }, after?: () => void) =>
    update.mutate({ username: account.username, changes }, { onSuccess: after });
  const pwProblem = password === null ? null : passwordProblem(password);
  return (
    <tr data-testid="account-row" data-username={account.username} data-disabled={account.disabled}>
      <td>{account.username}</td>
      <td>{account.name}</td>
      <td>
        <select
          aria-label={t('accounts.role')}
          value={account.role}
          disabled={self || update.isPending}
          onChange={(e) => change({ role: e.target.value as Role })}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </td>
      <td>{account.disabled ? t('accounts.disabledState') : t('accounts.active')}</td>
      <td>{account.lastLoginAt ? new Date(account.lastLoginAt).toLocaleString() : t('accounts.never')}</td>
      <td>
        {!self && (
          <button type="button" disabled={update.isPending} onClick={() => change({ disabled: !account.disabled })}>
            {account.disabled ? t('accounts.enable') : t('accounts.disable')}
          </button>
        )}
        {password === null ? (
          <button type="button" onClick={() => setPassword('')}>
            {t('accounts.resetPassword')}
          </button>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!pwProblem) change({ password }, () => setPassword(null));
            }}
          >
            <label>
              {t('accounts.newPassword', { username: account.username })}{' '}
              <input
                type="password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                autoComplete="new-password"
              />
            </label>
            <button type="submit" disabled={pwProblem !== null || update.isPending}>
              {t('accounts.save')}
            </button>
            <button type="button" onClick={() => setPassword(null)}>
              {t('accounts.cancel')}
            </button>
          </form>
        )}
        {update.isError && (
          <p className="form-error" role="alert">
            {accountError(t, update.error)}
          </p>
        )}
      </td>
    </tr>
  );
}

/** Shown to supervisors only; the host refuses these requests to anyone else as well. */
export function AccountsPanel({ self }: { self: string }) {
  const t = useT();
  const heading = useId();
  const accounts = useAccounts();
  return (
    <section className="panel accounts-panel" aria-labelledby={heading}>
      <h2 id={heading}>{t('accounts.title')}</h2>
      <p className="muted">{t('accounts.revokeNote')}</p>
      {accounts.isError && (
        <p className="form-error" role="alert">
          {accountError(t, accounts.error)}
        </p>
      )}
      {accounts.data && (
        <table className="accounts-table">
          <thead>
            <tr>
              <th>{t('accounts.username')}</th>
              <th>{t('accounts.name')}</th>
              <th>{t('accounts.role')}</th>
              <th>{t('accounts.status')}</th>
              <th>{t('accounts.lastLogin')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {accounts.data.accounts.map((a) => (
              <AccountRow key={a.username} account={a} self={a.username === self} />
            ))}
          </tbody>
        </table>
      )}
      <CreateForm />
    </section>
  );
}
