// The host contract's part for the console's updates and its about box. Kept apart from host-api.ts, which
// spreads these maps into REQUESTS and EVENTS. The Electron shell owns the updater and reports to the host;
// the console shows what it reports, and a supervisor's yes travels back the same way.
import { z } from 'zod';
import { IsoTime } from './entities';

const Empty = z.strictObject({});
const VersionText = z
  .string()
  .regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'expected a version such as 1.2.0')
  .max(64);

/** The central API version this console is written against (central-api.md). */
export const CENTRAL_API_SPOKEN = '1.1';

export const UpdateBlocker = z.enum(['emergency', 'presentation', 'pending_writes', 'schedule_hours']);
export type UpdateBlocker = z.infer<typeof UpdateBlocker>;

export const UpdateApproval = z.strictObject({ version: VersionText, by: z.string(), at: IsoTime });

export const UpdateReport = z.strictObject({
  /** `unmanaged`: no updater here (`nawa serve`, an unpackaged build): a new deployment brings new versions. */
  state: z.enum(['unmanaged', 'idle', 'checking', 'downloading', 'downloaded', 'installing', 'error']),
  current: VersionText,
  channel: z.enum(['stable', 'beta']).nullable(),
  /** The downloaded release waiting to be installed. */
  version: VersionText.nullable(),
  /** When it installs if the room allows it then: the next quiet hour, or now after a supervisor's yes. */
  installAt: IsoTime.nullable(),
  /** What holds the install back now. */
  blockers: z.array(UpdateBlocker),
  lastCheckAt: IsoTime.nullable(),
  error: z.string().max(500).nullable(),
});
export type UpdateReport = z.infer<typeof UpdateReport>;

export const UpdateStatus = UpdateReport.extend({ approval: UpdateApproval.nullable() });
export type UpdateStatus = z.infer<typeof UpdateStatus>;

export const AboutInfo = z.strictObject({
  nawaVersion: VersionText,
  centralApi: z.strictObject({
    url: z.string(),
    /** The contract version this console speaks. */
    spoken: z.string(),
    /** What the central side says it serves (`api` in /health; "1" when it names none); null when unreachable. */
    served: z.string().nullable(),
  }),
});
export type AboutInfo = z.infer<typeof AboutInfo>;

export const UPDATE_REQUESTS = {
  'updates.status': { input: Empty, output: UpdateStatus },
  /** Supervisor: install this downloaded version as soon as the room allows, instead of at the quiet hour. */
  'updates.approve': { input: z.strictObject({ version: VersionText }), output: UpdateStatus },
  /** The Electron shell's own connection only: what its updater is doing. */
  'updates.report': { input: UpdateReport, output: Empty },
  'app.about': { input: Empty, output: AboutInfo },
} as const;

export const UPDATE_EVENTS = {
  'updates.status': UpdateStatus,
} as const;
