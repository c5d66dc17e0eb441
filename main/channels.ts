// The only two IPC channel names in Nawa. Everything that crosses them is the host contract
// (src/common/host-api.ts): a request name with its input, or an event name with its payload.
export const REQUEST_CHANNEL = 'nawa:request';
export const EVENT_CHANNEL = 'nawa:event';
