import type { ConsoleStore } from '../store/console-store';
import type { StoreMaintenance } from '../store/store-maintenance';
import type { CentralClient } from '../sync/central-client';
import type { SyncEngine } from '../sync/sync-engine';
import type { PendingLogouts } from './pending-logouts';
import type { SigningKeys } from './signing-keys';
import type { TokenBook } from '../sync/token-book';
import type { UpdateBoard } from './update-board';
import type { WallPlanner } from './wall-planner';
import type { WallController } from './wall-state';
import type { SectorWatch } from './sector-watch';
import type { WallPairing } from '../../common/wall-pairing-api';

/** What the handlers work with: the parts of one running host. */
export interface HostContext {
  store: ConsoleStore;
  sync: SyncEngine;
  wall: WallController;
  /** Schedule, rule suggestions and interrupts of the wall. */
  planner: WallPlanner;
  tokens: TokenBook;
  /** Each operator's signing key on this console (decisions are signed when recorded). */
  keys: SigningKeys;
  client: CentralClient;
  /** Logouts the central API has not confirmed yet (sent again when it answers). */
  logouts: PendingLogouts;
  consoleId: string;
  /** The host's clock (HostOptions.now). */
  now: () => Date;
  maintenance: StoreMaintenance;
  /** The shell's update reports and a supervisor's yes. */
  updates: UpdateBoard;
  /** KPI alerts: crossings into warning or critical, kept until acknowledged. */
  sectors: SectorWatch;
  /** The wall pages' URLs as the shell serves them (HostOptions.wallPairing). */
  wallPairing: () => WallPairing;
}
