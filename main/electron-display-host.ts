// Electron's `screen` as the shell's DisplayHost: plain data out, change notifications in.
import type { Display, Screen } from 'electron';
import type { DisplayHost, DisplayInfo } from '../src/node/shell/display-plan';

const CHANGES = ['display-added', 'display-removed', 'display-metrics-changed'] as const;

export class ElectronDisplayHost implements DisplayHost {
  constructor(private readonly screen: Screen) {}

  displays(): DisplayInfo[] {
    const primary = this.screen.getPrimaryDisplay().id;
    return this.screen.getAllDisplays().map((d: Display) => ({
      id: d.id,
      bounds: { x: d.bounds.x, y: d.bounds.y, width: d.bounds.width, height: d.bounds.height },
      scaleFactor: d.scaleFactor,
      primary: d.id === primary,
    }));
  }

  onChange(listener: () => void): () => void {
    const l = () => listener();
    for (const e of CHANGES) this.screen.on(e as 'display-added', l);
    return () => {
      for (const e of CHANGES) this.screen.off(e as 'display-added', l);
    };
  }
}
