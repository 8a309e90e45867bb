import { Menu, type BrowserWindow } from 'electron';

/** Chinese menus; shortcuts the pages also handle (Ctrl+F, Ctrl+P) reach the renderer. */
export function buildMenu(win: BrowserWindow): Menu {
  const go = (path: string) => () => void win.webContents.executeJavaScript(`location.hash = '#/${path}'`);
  return Menu.buildFromTemplate([
    {
      label: '文件',
      submenu: [
        { label: '导入…', click: go('import') },
        { label: '导出与打印…', click: go('export') },
        { type: 'separator' },
        { label: '数据备份…', click: go('settings') },
        { type: 'separator' },
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '重新载入', role: 'reload' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
        { label: '开发者工具', role: 'toggleDevTools' },
      ],
    },
    { label: '帮助', submenu: [{ label: '关于清单通', role: 'about' }] },
  ]);
}
