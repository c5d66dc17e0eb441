// How Nawa sets up electron-updater's AppUpdater: download in the background, install only when the update
// controller says so, never downgrade, and let the update policy judge every release the feed names. The same
// function configures Electron's autoUpdater in main/ and a real AppImageUpdater in the local-feed tests.
import { judgeRelease, type ReleaseInfo, type UpdateChannel } from './update-policy';

/** The part of electron-updater's AppUpdater that Nawa sets (typed here so src/ does not load the package). */
export interface ConfigurableUpdater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  allowPrerelease: boolean;
  channel: string | null;
  // A method signature on purpose: electron-updater's own type takes its fuller UpdateInfo.
  isUserWithinRollout(info: ReleaseInfo): boolean | Promise<boolean>;
  readonly currentVersion: { format(): string } | { version: string };
}

export interface UpdaterSetup {
  channel: UpdateChannel;
  /** The console's id: its place in staged rollouts stays the same across restarts and reinstalls. */
  rolloutId: string;
  log?: (line: string) => void;
}

export function configureUpdater(updater: ConfigurableUpdater, setup: UpdaterSetup): void {
  updater.autoDownload = true;
  // A quit is not a moment the room chose: the controller installs at a quiet hour or on a supervisor's yes.
  updater.autoInstallOnAppQuit = false;
  // electron-builder writes latest*.yml for stable and beta*.yml for pre-releases (and, with
  // generateUpdatesFilesForAllChannels, stable releases into beta*.yml too).
  updater.channel = setup.channel === 'beta' ? 'beta' : 'latest';
  // Setting a channel turns downgrades on; Nawa never goes back a version.
  updater.allowDowngrade = false;
  updater.allowPrerelease = setup.channel === 'beta';
  const current = versionOf(updater);
  // electron-updater calls this for every release it is about to take (after its own same-version check).
  updater.isUserWithinRollout = (info) => {
    const verdict = judgeRelease(current, info, setup.channel, setup.rolloutId);
    if (verdict !== 'take') setup.log?.(`update ${info.version} not taken: ${verdict}`);
    return verdict === 'take';
  };
}

function versionOf(updater: ConfigurableUpdater): string {
  const v = updater.currentVersion;
  return 'format' in v ? v.format() : v.version;
}
