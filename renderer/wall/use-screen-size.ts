import { useSyncExternalStore } from 'react';

let cached = { width: 0, height: 0 };

function read() {
  if (cached.width !== window.innerWidth || cached.height !== window.innerHeight) {
    cached = { width: window.innerWidth, height: window.innerHeight };
  }
  return cached;
}

function subscribe(cb: () => void) {
  window.addEventListener('resize', cb);
  return () => window.removeEventListener('resize', cb);
}

/** This window's size: one screen of the wall. */
export function useScreenSize(): { width: number; height: number } {
  return useSyncExternalStore(subscribe, read);
}
