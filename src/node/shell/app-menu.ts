// The application menu. Electron's default menu carries Reload, Force Reload and Toggle Developer Tools (with
// their shortcuts, which work even where the menu bar is hidden, as on the walls): in the room a stray Ctrl+R
// would blank a wall, and DevTools would hand anyone at the keyboard the page's host API. So the packaged app
// gets a menu without them; development (not packaged) adds them back in a menu of its own.
// Labels are Bahasa Indonesia unless the system speaks English.

/** The roles used here: a subset of Electron's MenuItemConstructorOptions['role']. */
export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'minimize'
  | 'about'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools';

export interface MenuItemSpec {
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  submenu?: MenuItemSpec[];
}

/** What only a developer may use: reloading a page and DevTools. */
export const DEV_ONLY_ROLES: readonly MenuRole[] = ['reload', 'forceReload', 'toggleDevTools'];

const LABELS = {
  id: {
    edit: 'Sunting',
    view: 'Tampilan',
    window: 'Jendela',
    develop: 'Pengembang',
    undo: 'Urungkan',
    redo: 'Ulangi',
    cut: 'Potong',
    copy: 'Salin',
    paste: 'Tempel',
    selectAll: 'Pilih semua',
    resetZoom: 'Ukuran asli',
    zoomIn: 'Perbesar',
    zoomOut: 'Perkecil',
    togglefullscreen: 'Layar penuh',
    minimize: 'Kecilkan',
    about: 'Tentang Nawa',
    hide: 'Sembunyikan Nawa',
    hideOthers: 'Sembunyikan yang lain',
    unhide: 'Tampilkan semua',
    quit: 'Keluar dari Nawa',
    reload: 'Muat ulang',
    forceReload: 'Muat ulang paksa',
    toggleDevTools: 'Alat pengembang',
  },
  en: {
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    develop: 'Develop',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    resetZoom: 'Actual size',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    togglefullscreen: 'Full screen',
    minimize: 'Minimise',
    about: 'About Nawa',
    hide: 'Hide Nawa',
    hideOthers: 'Hide others',
    unhide: 'Show all',
    quit: 'Quit Nawa',
    reload: 'Reload',
    forceReload: 'Force reload',
    toggleDevTools: 'Developer tools',
  },
} satisfies Record<'id' | 'en', Record<string, string>>;

export interface MenuOptions {
  /** app.isPackaged */
  packaged: boolean;
  platform: NodeJS.Platform;
  /** app.getLocale(), e.g. 'id', 'en-US' */
  locale: string;
}

export function menuTemplate(o: MenuOptions): MenuItemSpec[] {
  const l = o.locale.toLowerCase().startsWith('en') ? LABELS.en : LABELS.id;
  const item = (role: MenuRole): MenuItemSpec => ({ role, label: l[role] });
  const separator: MenuItemSpec = { type: 'separator' };
  const menu: MenuItemSpec[] = [];
  if (o.platform === 'darwin') {
    menu.push({
      label: 'Nawa',
      submenu: [item('about'), separator, item('hide'), item('hideOthers'), item('unhide'), separator, item('quit')],
    });
  }
  menu.push(
    {
      label: l.edit,
      submenu: [item('undo'), item('redo'), separator, item('cut'), item('copy'), item('paste'), item('selectAll')],
    },
    {
      label: l.view,
      submenu: [item('resetZoom'), item('zoomIn'), item('zoomOut'), separator, item('togglefullscreen')],
    },
    { label: l.window, submenu: [item('minimize')] },
  );
  if (!o.packaged) menu.push({ label: l.develop, submenu: DEV_ONLY_ROLES.map(item) });
  return menu;
}

/** Every role a template holds, at any depth. */
export function menuRoles(template: readonly MenuItemSpec[]): MenuRole[] {
  return template.flatMap((i) => [...(i.role ? [i.role] : []), ...menuRoles(i.submenu ?? [])]);
}
