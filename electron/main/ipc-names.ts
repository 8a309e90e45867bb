/** IPC channel names between preload and main (contract calls travel inside 'rpc'). Imports nothing. */
export const IPC = {
  rpc: 'qingdan:rpc',
  saveFile: 'qingdan:save-file',
  chooseFolder: 'qingdan:choose-folder',
  print: 'qingdan:print',
  printToPdf: 'qingdan:print-to-pdf',
} as const;
