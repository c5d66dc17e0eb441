// The closed set of error codes a host request can fail with, part of the host contract (host-api.ts). The UI
// words each one in its language from the dictionaries (`hostError.<code>`, with `params`); `message` is a
// developer's note for logs, never shown as it is.
import { z } from 'zod';

export const HOST_ERROR_CODES = [
  // Any request
  'unknown_request',
  'invalid_input',
  'internal',
  'unauthenticated',
  'forbidden',
  'not_found',
  // Sessions
  'bad_credentials',
  'offline_unknown',
  'session_expired',
  'central_error',
  'account_disabled',
  'rate_limited',
  'offline_expired',
  // Accounts (a supervisor's view, through the central API)
  'central_login_required',
  'central_unreachable',
  'weak_password',
  'username_taken',
  'self_lockout',
  // The console database
  'backup_failed',
  // Incidents (the lifecycle applied here as at the hub)
  'invalid_transition',
  'assignment_required',
  'reason_required',
  // Decisions (a correction names one decision, once)
  'already_corrected',
  // Sector dashboards
  'unknown_series',
  // Updates
  'not_downloaded',
  // The wall, its layouts and schedule
  'nothing_to_undo',
  'not_this_wall',
  'not_paired',
  'wall_only',
  'layout_exists',
  'invalid_layout',
  'layout_on_wall',
  'layout_scheduled',
  'invalid_schedule',
  // The transports (Electron shell, host worker)
  'host_unavailable',
  'host_crashed',
  'host_closing',
  'bad_input',
  'ipc_failed',
  // Raised by the renderer itself about its link to the host
  'host_unreachable',
  'host_timeout',
  'connection_lost',
  'bad_response',
] as const;
export const HostErrorCode = z.enum(HOST_ERROR_CODES);
export type HostErrorCode = z.infer<typeof HostErrorCode>;

/** Values the UI puts into the code's sentence (a layout's name, a time, the central side's own code). */
export const HostErrorParams = z.record(z.string(), z.union([z.string(), z.number()]));
export type HostErrorParams = z.infer<typeof HostErrorParams>;

export function isHostErrorCode(code: string): code is HostErrorCode {
  return (HOST_ERROR_CODES as readonly string[]).includes(code);
}
