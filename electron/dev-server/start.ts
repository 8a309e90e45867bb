import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCore } from '../core';
import { createDevServer } from './http-server';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dbPath = resolve(process.env.APP_DB_PATH ?? join(root, 'data', 'qingdan.sqlite'));
mkdirSync(dirname(dbPath), { recursive: true });
const token = process.env.APP_TOKEN ?? randomBytes(24).toString('hex');
const port = Number(process.env.PORT ?? 5180);

const core = await startCore(
  { dbPath, backupDir: process.env.APP_BACKUP_DIR ?? join(dirname(dbPath), 'backups'), resourcesDir: join(root, 'resources') },
  { dailyBackup: true, warmParser: true, lightsAhead: true },
);
const { server, port: bound } = await createDevServer({ dispatch: core.dispatch, distDir: join(root, 'renderer', 'dist'), token, port });
console.log(`清单通（浏览器模式）数据库：${dbPath}`);
console.log(`请在浏览器中打开：http://127.0.0.1:${bound}/#token=${token}`);

const stop = () => {
  server.close();
  core.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
