// The secret store is a port (src/node/ports), seen by sync (the token book) below the host; kept here by name
// for the shell and the Electron entry, which import it from the host.
export { KeyFileSecretStore, type SecretStore } from '../ports/secret-store';
