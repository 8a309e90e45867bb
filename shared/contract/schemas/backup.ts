import { z } from 'zod';

export const BackupEntrySchema = z.object({
  fileName: z.string(),
  path: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
  kind: z.enum(['auto', 'manual', 'before-restore']),
});
export type BackupEntry = z.infer<typeof BackupEntrySchema>;

const PathSchema = z.string().trim().min(1, '请填写文件路径').max(1000);

export const BackupCreateSchema = z.object({ path: PathSchema.optional() });
export const BackupRestoreSchema = z.object({ path: PathSchema });
export const BackupRestoreResultSchema = z.object({ restoredFrom: z.string(), safetyBackup: BackupEntrySchema });
