/**
 * The add-in's main page (index.html, loaded by WPS when 表格 starts): the ribbon callbacks that
 * ribbon.xml names as `ribbon.OnAddinLoad`, `ribbon.OnAction`, `ribbon.GetImage` and
 * `ribbon.OnGetEnabled`. The four buttons of the 低保核查 group:
 *   btnPane   核查面板        opens (or shows/hides) the task pane with the same React pane
 *   btnMark   一键标注        checks with the saved settings and marks the cells at fault
 *   btnClear  清除标注        restores every marked cell
 *   btnAdjust 生成调整花名册  checks and adds the adjustment roster
 * The result of a command is shown with alert(), which WPS turns into its own message box.
 */
import type { Notice } from '../commands/commands';
import type { EtApplication } from '../workbook/wps/et';
import { clearMarks, commandDeps, generateRoster, markRoster, wpsApplication } from './actions';

const PANE_KEY = 'dibao_taskpane_id';
const PANE_WIDTH = 420;

interface RibbonControl {
  Id: string;
}

/** The add-in folder's address, where taskpane.html and images/ sit beside index.html. */
export function addinBase(href: string = document.location.href): string {
  const path = decodeURI(href.split('#')[0].split('?')[0]);
  return path.slice(0, path.lastIndexOf('/') + 1);
}

function app(): EtApplication {
  const a = wpsApplication();
  if (!a) throw new Error('WPS Application is not available');
  return a;
}

const notify = async (n: Notice) => {
  (globalThis as unknown as { alert(text: string): void }).alert(n.zh);
};

function togglePane(a: EtApplication): void {
  const id = a.PluginStorage.getItem(PANE_KEY);
  const existing = typeof id === 'number' ? a.GetTaskPane(id) : null;
  if (existing) {
    existing.Visible = !existing.Visible;
    return;
  }
  const pane = a.CreateTaskPane(`${addinBase()}taskpane.html`, '低保花名册核查');
  a.PluginStorage.setItem(PANE_KEY, pane.ID);
  pane.Width = PANE_WIDTH;
  pane.Visible = true;
}

export const ribbon = {
  OnAddinLoad(ribbonUI: EtApplication['ribbonUI']): boolean {
    const a = app();
    if (typeof a.ribbonUI !== 'object') a.ribbonUI = ribbonUI;
    return true;
  },

  /** Returns a promise (the tests wait for it); WPS ignores the value. */
  OnAction(control: RibbonControl): Promise<Notice | undefined> {
    const a = app();
    const deps = () => commandDeps(a, notify);
    switch (control.Id) {
      case 'btnPane':
        togglePane(a);
        return Promise.resolve(undefined);
      case 'btnMark':
        return markRoster(deps());
      case 'btnClear':
        return clearMarks(deps());
      case 'btnAdjust':
        return generateRoster(deps());
      default:
        return Promise.resolve(undefined);
    }
  },

  GetImage(control: RibbonControl): string {
    const images: Record<string, string> = {
      btnPane: 'images/icon-32.png',
      btnMark: 'images/mark-32.png',
      btnClear: 'images/clear-32.png',
      btnAdjust: 'images/icon-32.png',
    };
    return images[control.Id] ?? 'images/icon-32.png';
  },

  /** The buttons that act on a workbook are grey while none is open. */
  OnGetEnabled(control: RibbonControl): boolean {
    if (control.Id === 'btnPane') return true;
    try {
      return app().ActiveWorkbook != null;
    } catch {
      return false;
    }
  },
};

Object.assign(globalThis, { ribbon });
