// English for every host error code (src/common/host-errors.ts), spread into en.ts.
import type { hostErrorsId } from './host-errors-id';

export const hostErrorsEn: Record<keyof typeof hostErrorsId, string> = {
  'hostError.not_downloaded': 'Version {version} is not downloaded on this console.',
  'hostError.account_disabled': 'This account is disabled; ask a supervisor.',
  'hostError.rate_limited': 'Too many failed logins; wait {seconds} seconds and try again.',
  'hostError.offline_expired':
    'The central API is unreachable and this account has not logged in online on this console for more than 7 days.',
  'hostError.central_login_required':
    'Accounts can only be managed while connected to the central API; log in again online.',
  'hostError.central_unreachable': 'The central API is unreachable; try again later.',
  'hostError.weak_password': 'The password needs at least 10 characters.',
  'hostError.username_taken': 'That username is taken.',
  'hostError.self_lockout': 'You cannot disable your own account or lower your own role.',
  'hostError.not_paired': 'This page is paired with wall {wall} only.',
  'hostError.wall_only': 'A wall page may only read what a wall shows.',
  'hostError.unknown_request': 'The host does not know the request {name}.',
  'hostError.invalid_input': 'Invalid input: {fields}',
  'hostError.internal': 'Something went wrong in the host. Try again; if it keeps happening, call the administrator.',
  'hostError.unauthenticated': 'Log in first.',
  'hostError.forbidden': 'Your role is not allowed to do this; ask a supervisor if it is needed.',
  'hostError.unknown_series': "Indicator {id} is not in this console's cache; wait for the sync and try again.",
  'hostError.not_found': 'That is gone; it may have just been deleted on another console.',
  'hostError.bad_credentials': 'Wrong username or password.',
  'hostError.offline_unknown':
    'The central server is unreachable and this account has never signed in on this console. Sign in with an account used here before, or wait until the link is back.',
  'hostError.session_expired': 'The session ended; please log in again.',
  'hostError.central_error':
    'The central server refused the request ({code}). Try again; if it happens again, call the administrator.',
  'hostError.backup_failed': 'The backup of the local database failed: {reason}',
  'hostError.nothing_to_undo': 'There is no switch to undo.',
  'hostError.not_this_wall': 'Screen {wall} has not greeted the host yet.',
  'hostError.layout_exists': 'A layout with this id exists already; save it as an edit, not as a new layout.',
  'hostError.invalid_layout': 'The layout cannot be saved yet: {count} things need fixing.',
  'hostError.layout_on_wall': '"{name}" is on the wall, so it cannot be deleted. Show another layout first.',
  'hostError.layout_scheduled': '"{name}" is scheduled at {at}, so it cannot be deleted. Change the schedule first.',
  'hostError.invalid_schedule': 'The schedule cannot be saved yet: {count} things need fixing.',
  'hostError.host_unavailable': 'The host could not start. Restart Nawa.',
  'hostError.host_crashed': 'The host stopped unexpectedly. Restart Nawa.',
  'hostError.host_closing': 'Nawa is closing.',
  'hostError.bad_input': 'The request could not be sent to the host.',
  'hostError.ipc_failed': 'The request did not reach the host.',
  'hostError.host_unreachable': 'The host cannot be reached. Check the connection and try again.',
  'hostError.host_timeout': 'The host did not answer in time. Check the connection and try again.',
  'hostError.connection_lost': 'The connection to the host was lost. Check the connection and try again.',
  'hostError.bad_response': "The host's answer could not be read.",
};
