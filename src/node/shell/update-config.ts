// The update settings an installation may change, from the shell's environment (the systemd unit or the
// Windows service sets them): a wrong value stops Nawa at start with the variable named, never a silent default.
import { DEFAULT_UPDATE_POLICY, type UpdatePolicyConfig } from './update-policy';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function readUpdateConfig(env: Record<string, string | undefined>): UpdatePolicyConfig {
  const config: UpdatePolicyConfig = { ...DEFAULT_UPDATE_POLICY };
  const channel = env.NAWA_UPDATE_CHANNEL;
  if (channel) {
    if (channel !== 'stable' && channel !== 'beta')
      throw new Error(`NAWA_UPDATE_CHANNEL=${channel}: expected stable or beta`);
    config.channel = channel;
  }
  const quiet = env.NAWA_UPDATE_QUIET_HOURS;
  if (quiet) {
    const [from, to, ...rest] = quiet.split('-');
    if (!from || !to || rest.length > 0 || !TIME.test(from) || !TIME.test(to) || from === to) {
      throw new Error(`NAWA_UPDATE_QUIET_HOURS=${quiet}: expected two different room times (WIB) such as 02:00-04:00`);
    }
    config.quietFrom = from;
    config.quietTo = to;
  }
  const hours = env.NAWA_UPDATE_CHECK_HOURS;
  if (hours) {
    const n = /^\d+(\.\d+)?$/.test(hours) ? Number(hours) : NaN;
    if (!(n >= 0.25 && n <= 168)) throw new Error(`NAWA_UPDATE_CHECK_HOURS=${hours}: expected hours from 0.25 to 168`);
    config.checkEveryMs = Math.round(n * 60 * 60_000);
  }
  return config;
}
