// Nawa's own version, from package.json: bundled into the worker and main by Vite, read through tsx elsewhere.
import pkg from '../../../package.json' with { type: 'json' };

export const NAWA_VERSION: string = pkg.version;
