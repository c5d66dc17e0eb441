// English for the verified decision log and the tamper alarm; spread into en.ts.
import type { decisionTrustId } from './decision-trust-id';

export const decisionTrustEn: Record<keyof typeof decisionTrustId, string> = {
  'trust.alarm': 'Warning: the decision log does not match',
  'trust.alarmDetail':
    '{n} decisions from the central server failed verification or differ from a verified copy (last #{seq}); the original copies are kept.',
  'trust.verifiedTo': 'verified to #{seq}',
  'trust.verifiedNone': 'nothing verified yet',
};
