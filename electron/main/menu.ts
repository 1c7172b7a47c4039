import type { MenuItemConstructorOptions } from 'electron';
import type { TFunction } from 'i18next';

export interface MenuActions {
  openDataFolder(): void;
  openLogFolder(): void;
}

/** The application menu in the desk's language; rebuilt when the language changes. */
export function menuTemplate(t: TFunction, actions: MenuActions, isMac: boolean): MenuItemConstructorOptions[] {
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: t('menu.file'),
      submenu: [
        { label: t('menu.openDataFolder'), click: () => actions.openDataFolder() },
        { label: t('menu.openLogFolder'), click: () => actions.openLogFolder() },
        { type: 'separator' },
        { label: t('menu.quit'), role: 'quit' },
      ],
    },
    {
      label: t('menu.edit'),
      submenu: [
        { label: t('menu.undo'), role: 'undo' },
        { label: t('menu.redo'), role: 'redo' },
        { type: 'separator' },
        { label: t('menu.cut'), role: 'cut' },
        { label: t('menu.copy'), role: 'copy' },
        { label: t('menu.paste'), role: 'paste' },
        { label: t('menu.selectAll'), role: 'selectAll' },
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        { label: t('menu.reload'), role: 'reload' },
        { label: t('menu.zoomIn'), role: 'zoomIn' },
        { label: t('menu.zoomOut'), role: 'zoomOut' },
        { label: t('menu.resetZoom'), role: 'resetZoom' },
        { type: 'separator' },
        { label: t('menu.fullscreen'), role: 'togglefullscreen' },
      ],
    },
  ];
}
