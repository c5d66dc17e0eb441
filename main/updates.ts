// Updates from the feed named in electron-builder.yml, under Nawa's update policy: checked at start and every few
// hours, downloaded in the background (electron-updater checks the sha512, and on Windows the publisher), and
// installed only at a quiet hour or on a supervisor's yes, never while the room needs the wall (see
// src/node/shell/update-controller.ts). This file only adapts electron-updater and the host worker to it.
import electronUpdater from 'electron-updater';
import { join } from 'node:path';
import type { UpdateStatus } from '../src/common/update-api';
import { SHELL_CONNECTION_ID } from '../src/node/host/update-handlers';
import { systemClock } from '../src/node/ports/clock';
import { readRoomState } from '../src/node/shell/room-state';
import { readOrCreateRolloutId } from '../src/node/shell/rollout-id';
import { UpdateController, type UpdaterPort } from '../src/node/shell/update-controller';
import type { UpdatePolicyConfig } from '../src/node/shell/update-policy';
import { configureUpdater } from '../src/node/shell/updater-setup';
import type { HostWorkerClient } from '../src/node/shell/worker-bridge';

export interface UpdateWiring {
  isPackaged: boolean;
  version: string;
  userDataDir: string;
  config: UpdatePolicyConfig;
  host: HostWorkerClient;
  log: (line: string) => void;
}

/** Returns the function that stops the timers (on quit). */
export function startUpdates(w: UpdateWiring): () => void {
  // An unpackaged app has no app-update.yml and nothing to replace; the console says "unmanaged".
  if (!w.isPackaged) return () => {};
  const { autoUpdater } = electronUpdater;
  autoUpdater.logger = { info: w.log, warn: w.log, error: w.log, debug: () => {} };
  configureUpdater(autoUpdater, {
    channel: w.config.channel,
    rolloutId: readOrCreateRolloutId(join(w.userDataDir, 'rollout-id')),
    log: w.log,
  });

  const port: UpdaterPort = {
    async checkAndDownload(found) {
      const result = await autoUpdater.checkForUpdates();
      if (!result?.isUpdateAvailable || !result.downloadPromise) return null;
      found(result.updateInfo.version);
      await result.downloadPromise;
      return result.updateInfo.version;
    },
    // Silent install, then Nawa starts again: the walls come back on the new version by themselves.
    install: () => autoUpdater.quitAndInstall(true, true),
  };
  const ask = (name: Parameters<HostWorkerClient['request']>[1], input: unknown) =>
    w.host.request(SHELL_CONNECTION_ID, name, input);
  const controller = new UpdateController({
    updater: port,
    clock: systemClock,
    config: w.config,
    currentVersion: w.version,
    log: w.log,
    room: () => readRoomState(ask, Date.now()),
    report: (report) =>
      void ask('updates.report', report).then((r) => {
        if (!r.ok) w.log(`update report refused: ${r.error.message}`);
      }),
  });
  // A supervisor's yes reaches the host first (it checks the role); the host announces it.
  const off = w.host.onEvent((name, payload) => {
    const approval = name === 'updates.status' ? (payload as UpdateStatus).approval : null;
    if (approval) controller.approve(approval.version);
  });
  controller.start();
  return () => {
    off();
    controller.stop();
  };
}
