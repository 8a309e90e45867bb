import * as XLSX from '@e965/xlsx';

const UNITS = ['省发展改革委', '省财政厅', '省商务厅', '省工业和信息化厅', '省科技厅', '省教育厅', '省人力资源社会保障厅', '省自然资源厅', '省生态环境厅', '省住房城乡建设厅', '省交通运输厅', '省水利厅', '省农业农村厅', '省文化和旅游厅', '省卫生健康委', '省市场监管局', '省数据局', '省能源局', '省林业局', '省国资委'];
const DEADLINES = ['2025年6月底前', '2025年9月30日', '全年', '长期坚持', '2025年12月底前', '持续推进'];
const SECTION_EVERY = 25;

/**
 * A checklist workbook like the offices' (title row, header, merged section rows every 25 tasks,
 * units lists, deadlines as phrases, content with targets), `rows` task rows long, its parts
 * deflated as Excel and WPS save them.
 */
export function generateWorkbook(rows: number): Uint8Array {
  const aoa: (string | number | null)[][] = [['附件1  内需扩量提效攻坚任务清单'], ['序号', '重点任务', '具体内容', '牵头单位', '配合单位', '完成时限', '备注']];
  const merges: XLSX.Range[] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 6 } }];
  for (let i = 0; i < rows; i++) {
    if (i % SECTION_EVERY === 0) {
      merges.push({ s: { r: aoa.length, c: 0 }, e: { r: aoa.length, c: 6 } });
      aoa.push([`（${i / SECTION_EVERY + 1}）第${i / SECTION_EVERY + 1}组重点工作`]);
    }
    const lead = UNITS[i % UNITS.length];
    const coop = [1, 3, 7].map((k) => UNITS[(i + k) % UNITS.length]).join('、');
    const content = `推进第${i + 1}项重点工作。突出就业优先导向，大规模开展职业技能培训，新增城镇就业${(i % 90) + 10}万人以上，完成投资${(i % 500) + 100}亿元，推动劳动者技能提升和消费帮扶。`;
    aoa.push([(i % SECTION_EVERY) + 1, `重点工作任务${i + 1}`, content, lead, coop, DEADLINES[i % DEADLINES.length], i % 10 === 0 ? '按季度报送进展' : null]);
  }
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  ws['!merges'] = merges;
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '任务清单');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}
