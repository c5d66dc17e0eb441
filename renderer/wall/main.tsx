import { mountApp } from '../shared/mount';
import { WallApp } from './wall-app';
import '../shared/theme.css';
import './wall.css';

declare global {
  interface Window {
    /** Set once per page load; tests compare it to prove a layout switch did not reload the page. */
    __nawaLoadId?: string;
  }
}

// getRandomValues, not randomUUID: a wall PC may open this page over plain http, outside a secure context.
window.__nawaLoadId = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) =>
  b.toString(16).padStart(2, '0'),
).join('');

mountApp(<WallApp />);
