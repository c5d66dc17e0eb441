// What is wrong with a new account or a new password before it is sent, as message keys; the hub checks
// the same rules (accounts-api.ts) and has the last word.
import { MIN_PASSWORD_LENGTH, USERNAME } from '../../../src/common/accounts-api';
import { normalizeText, textProblem } from '../../../src/common/text-rules';

export type AccountFormProblem = 'accounts.bad.username' | 'accounts.bad.name' | 'accounts.bad.password';

export function passwordProblem(password: string): AccountFormProblem | null {
  return [...password].length < MIN_PASSWORD_LENGTH ? 'accounts.bad.password' : null;
}

export function newAccountProblems(draft: { username: string; name: string; password: string }): AccountFormProblem[] {
  const problems: AccountFormProblem[] = [];
  if (!USERNAME.test(draft.username)) problems.push('accounts.bad.username');
  if (textProblem(normalizeText(draft.name), { max: 120 }) !== null) problems.push('accounts.bad.name');
  const pw = passwordProblem(draft.password);
  if (pw) problems.push(pw);
  return problems;
}
