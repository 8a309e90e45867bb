import type { docoutChannels } from '../../../shared/contract/channels/docout-channels';
import { localDate, type CoreContext } from '../context';
import type { HandlersFor } from '../dispatch';
import { planOutline } from '../docout/plan-outline';
import { planDocState, savePlanDocDraft } from '../docout/plan-draft';
import { writeBulletinDocx } from '../docx/bulletin-docx';
import { writeMissingDocx } from '../docx/missing-docx';
import { writePlanDocx } from '../docx/plan-docx';
import { officeName, safeFileName } from '../exchange/doc-format';
import { missingReport } from '../exchange/missing';
import { bulletinContent } from '../services/bulletin-content';
import { bulletinTitle, createBulletinService } from '../services/bulletin-service';
import { loadPeriod } from '../services/bulletin-facts';

/** .docx out in 公文 layout: the 落实方案 (with its kept draft), the 调度通报 and the 催报 list. */
export function createDocoutHandlers(ctx: CoreContext) {
  const bulletins = createBulletinService(ctx);
  return {
    'plandoc:state': () => planDocState(ctx.db),
    'plandoc:outline': (input) => planOutline(ctx.db, input),
    'plandoc:save-draft': (input) => savePlanDocDraft(ctx.db, input, ctx.now().toISOString()),
    'plandoc:docx': async (input) => {
      savePlanDocDraft(ctx.db, input, ctx.now().toISOString());
      const outline = planOutline(ctx.db, input);
      return { fileName: safeFileName(outline.title, '.docx'), bytes: await writePlanDocx(outline, officeName(ctx.db)) };
    },
    'bulletins:docx': async ({ periodId, body }) => {
      const content = body === undefined ? bulletins.content(periodId) : bulletinContent(bulletinTitle(loadPeriod(ctx.db, periodId).name), body);
      return { fileName: safeFileName(content.title, '.docx'), bytes: await writeBulletinDocx(content, officeName(ctx.db)) };
    },
    'periods:missing-docx': async ({ periodId, today }) => {
      const report = missingReport(ctx.db, periodId, today ?? localDate(ctx.now()));
      return { fileName: safeFileName(`${report.period.name}_催报名单`, '.docx'), bytes: await writeMissingDocx(report, officeName(ctx.db), ctx.now()) };
    },
  } satisfies HandlersFor<typeof docoutChannels>;
}
