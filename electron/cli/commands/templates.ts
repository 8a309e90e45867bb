import { resolve } from 'node:path';
import { createUnitsRepository } from '../../core/repositories/units-repository';
import { UsageError, type Command } from '../command';
import { parseCli } from './import-support';
import { periodId, requireOut, withCore } from './cycle-support';

/** `templates --period <p> --db --out <dir>`: one fill-in template per unit, into a folder. */
export const templatesCommand: Command = {
  summary: '为期次下发填报模板：每个牵头/负责单位一个工作簿，写入指定文件夹',
  usage: 'templates --period <期次> --db <数据库> --out <文件夹> [--unit 单位]… [--combined] [--coop]',
  async run(args) {
    const { values } = parseCli(args, {
      db: { type: 'string' }, period: { type: 'string' }, out: { type: 'string' }, unit: { type: 'string', multiple: true },
      combined: { type: 'boolean' }, coop: { type: 'boolean' },
    });
    const outDir = resolve(requireOut(values.out, '文件夹'));
    return withCore(values.db, async (core) => {
      const units = createUnitsRepository(core.ctx.db);
      const unitIds = values.unit?.map((u) => {
        const id = units.resolve(u);
        if (id === null) throw new UsageError(`单位目录中没有「${u}」`);
        return id;
      });
      const res = await core.call('templates:issue', { periodId: periodId(core.ctx, values.period), unitIds, combined: !!values.combined, includeCoop: !!values.coop, outDir });
      for (const f of res.files) console.log(`  ${f.fileName}\t${f.rows} 项`);
      const perUnit = res.files.filter((f) => f.unitName).length;
      console.log(`已为「${res.periodName}」生成 ${perUnit} 个单位的填报模板${values.combined ? '和 1 个汇总模板' : ''}，保存在 ${outDir}`);
      return 0;
    });
  },
};
