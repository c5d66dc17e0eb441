// The host contract's part for pairing wall PCs: the URL each wall page is opened at, as the console shows it to
// a presenter or supervisor. Beyond loopback each URL carries that wall's own pairing token, a secret: it lets a
// page be that wall and nothing else. Spread into REQUESTS by host-api.ts.
import { z } from 'zod';

/** Why the links carry no token: served to this machine alone, or no wall is a remote page at all (Electron). */
export const WallPairingReason = z.enum(['loopback', 'no_remote_walls']);
export type WallPairingReason = z.infer<typeof WallPairingReason>;

export const WallPairingLink = z.strictObject({
  wall: z.number().int().min(1).max(64),
  /** One per name the host is reached by (its public names first, then its network addresses). */
  urls: z.array(z.string().max(2048)).max(32),
});
export type WallPairingLink = z.infer<typeof WallPairingLink>;

export const WallPairing = z.strictObject({
  /** null: every URL carries its wall's pairing token. */
  reason: WallPairingReason.nullable(),
  /** Empty when `reason` is `no_remote_walls`. */
  walls: z.array(WallPairingLink).max(64),
});
export type WallPairing = z.infer<typeof WallPairing>;

export const WALL_PAIRING_REQUESTS = {
  'wall.pairing': { input: z.strictObject({}), output: WallPairing },
} as const;

/** What a host without remote wall pages answers (the Electron shell draws each wall in its own window). */
export const NO_REMOTE_WALLS: WallPairing = { reason: 'no_remote_walls', walls: [] };
