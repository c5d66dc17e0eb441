import { describe, expect, it } from 'vitest';
import { DEV_ONLY_ROLES, menuRoles, menuTemplate } from './app-menu';

const PLATFORMS = ['linux', 'win32', 'darwin'] as const;

describe('menuTemplate', () => {
  it('gives the packaged app no reload and no DevTools, on every platform', () => {
    for (const platform of PLATFORMS) {
      const roles = menuRoles(menuTemplate({ packaged: true, platform, locale: 'id' }));
      for (const role of DEV_ONLY_ROLES) expect(roles, `${platform}: ${role}`).not.toContain(role);
      // Electron's stock submenus (viewMenu, the default appMenu) would bring reload and DevTools back.
      expect(roles.some((r) => r.endsWith('Menu'))).toBe(false);
      expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'selectAll', 'togglefullscreen']));
      // Closing a window would close a wall; walls are not closed from the room.
      expect(roles as string[]).not.toContain('close');
    }
  });

  it('adds reload and DevTools in development only', () => {
    const roles = menuRoles(menuTemplate({ packaged: false, platform: 'linux', locale: 'id' }));
    expect(roles).toEqual(expect.arrayContaining([...DEV_ONLY_ROLES]));
  });

  it('speaks Bahasa Indonesia, and English where the system does', () => {
    const id = menuTemplate({ packaged: true, platform: 'linux', locale: 'id' });
    expect(id.map((m) => m.label)).toEqual(['Sunting', 'Tampilan', 'Jendela']);
    expect(id[0]!.submenu!.find((i) => i.role === 'copy')!.label).toBe('Salin');
    const en = menuTemplate({ packaged: true, platform: 'win32', locale: 'en-GB' });
    expect(en.map((m) => m.label)).toEqual(['Edit', 'View', 'Window']);
    const mac = menuTemplate({ packaged: true, platform: 'darwin', locale: 'id' });
    expect(mac[0]).toMatchObject({ label: 'Nawa' });
    expect(menuRoles(mac)).toContain('quit');
  });
});
