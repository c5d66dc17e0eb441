// English for the supervisor's account view; spread into en.ts.
import type { accountsId } from './accounts-id';

export const accountsEn: Record<keyof typeof accountsId, string> = {
  'accounts.title': 'Accounts',
  'accounts.username': 'Username',
  'accounts.name': 'Name',
  'accounts.role': 'Role',
  'accounts.password': 'Password',
  'accounts.status': 'Status',
  'accounts.lastLogin': 'Last login',
  'accounts.never': 'never',
  'accounts.active': 'active',
  'accounts.disabledState': 'disabled',
  'accounts.create': 'Create account',
  'accounts.disable': 'Disable',
  'accounts.enable': 'Enable',
  'accounts.resetPassword': 'Reset password',
  'accounts.newPassword': 'New password for {username}',
  'accounts.save': 'Save',
  'accounts.cancel': 'Cancel',
  'accounts.revokeNote': 'Disabling an account, changing its password or its role ends all its sessions at once.',
  'accounts.bad.username': 'Username: 3–32 lower-case letters, digits, dots, underscores or hyphens.',
  'accounts.bad.name': 'A name is required.',
  'accounts.bad.password': 'A password needs at least {min} characters.',
  'accounts.error.username_taken': 'That username is taken.',
  'accounts.error.weak_password': 'The password is too short (at least {min} characters).',
  'accounts.error.self_lockout': 'You cannot disable your own account or take away your own supervisor role.',
  'accounts.error.central_login_required':
    'Accounts can be managed only while connected to the central server; log in again online.',
  'accounts.error.central_unreachable': 'The central server cannot be reached; accounts cannot be managed now.',
};
