import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DraftItem } from '../../../electron/core/import/draft';
import {
  cutTrailingClause,
  parseHandlingSlip,
  parsePlanText,
  parseUnitClause,
  splitUnitList,
} from '../../../electron/core/import/plan-text';

const shared = (path: string): string => fileURLToPath(new URL(`../../../../shared/${path}`, import.meta.url));
const SEED = readFileSync(shared('domain/seed-plan.txt'), 'utf8');
const EXPECTED_A = JSON.parse(readFileSync(shared('samples/province-tasks-A.expected.json'), 'utf8')) as DraftItem[];
const result = parsePlanText(SEED, { file: 'seed-plan.txt' });
const OVERALL = '湖南省实施“七大攻坚”总体方案';

const attachment = (no: string) => {
  const plan = result.plans.find((p) => p.attachmentNo === no);
  if (!plan) throw new Error(`附件 ${no} not found`);
  return plan;
};
const itemsOf = (no: string) => result.items.filter((i) => i.plan === attachment(no).title);
const find = (no: string, section: string, n: string) => {
  const item = itemsOf(no).find((i) => i.section?.includes(section) && i.no === n);
  if (!item) throw new Error(`附件 ${no} ${section} ${n} not found`);
  return item;
};

describe('parsePlanText on the seed document', () => {
  it('finds the overall plan and its 7 attachments', () => {
    expect(result.plans.map((p) => [p.attachmentNo, p.title])).toEqual([
      [null, OVERALL],
      ['1', '内需扩量提效攻坚实施方案'],
      ['2', '产业育新培强攻坚实施方案'],
      ['3', '科技创新赋能攻坚实施方案'],
      ['4', '改革开放重点攻坚实施方案'],
      ['5', '环境优化提升攻坚实施方案'],
      ['6', '安全强基固本攻坚实施方案'],
      ['7', '民生补短提质攻坚实施方案'],
    ]);
    const [overall, ...children] = result.plans;
    expect(overall).toMatchObject({ parentTitle: null, docNo: '湘政办发〔2025〕2号', campaign: '七大攻坚' });
    expect(overall.sections).toHaveLength(7);
    expect(overall.goals.split('\n')).toHaveLength(7);
    for (const child of children) expect(child).toMatchObject({ parentTitle: OVERALL, docNo: '' });
  });

  it('reads all 150 tasks with the right count and sections per plan', () => {
    expect(result.items).toHaveLength(150);
    const counts = ['1', '2', '3', '4', '5', '6', '7'].map((no) => itemsOf(no).length);
    expect(counts).toEqual([14, 15, 16, 33, 18, 19, 35]);
    const sections = ['1', '2', '3', '4', '5', '6', '7'].map((no) => attachment(no).sections.length);
    expect(sections).toEqual([3, 4, 5, 9, 5, 3, 4]);
    expect(attachment('4').sections[3]).toBe('(四) 实施民生保障重点改革');
  });

  it('gives every task a unit, or reports it as a problem with its line', () => {
    const unitless = result.items.filter((i) => i.lead.length + i.resp.length + i.coop.length === 0);
    const unitProblems = result.problems.filter((p) => /单位/.test(p.message) && !/附件/.test(p.message));
    expect(unitProblems).toHaveLength(unitless.length);
    expect(unitless).toEqual([]);
    for (const p of result.problems) expect(p).toMatchObject({ file: 'seed-plan.txt', severity: 'warning' });
  });

  it('reports the two attachments whose 附件 N line is missing, and numbers them from the list', () => {
    expect(result.problems.map((p) => p.row)).toEqual([228, 568]);
    expect(result.problems[0].message).toContain('附件 3');
  });

  it('matches the expected JSON for plans 1 and 2 exactly', () => {
    const got = result.items.filter((i) => i.plan === attachment('1').title || i.plan === attachment('2').title);
    expect(got).toEqual(EXPECTED_A);
  });

  it('reads 分别牵头, joint lists and 各…部门 cooperators (附件 6)', () => {
    expect(find('6', '（一）', '4')).toMatchObject({
      kind: 'lead',
      lead: ['省安委办', '省人力资源社会保障厅'],
      coop: ['湖南金融监管局', '各负有监管职责行业部门'],
    });
    expect(find('6', '（一）', '8').lead).toEqual(['省应急管理厅', '省水利厅', '省自然资源厅', '省林业局']);
    expect(find('6', '（一）', '9')).toMatchObject({ lead: ['省应急厅', '省消防救援总队'], coop: [] });
    expect(find('6', '（二）', '1')).toMatchObject({ kind: 'joint', lead: [], resp: ['省财政厅', '省发展改革委', '省审计厅'] });
  });

  it('reads a lead-only clause broken by a page break (附件 5)', () => {
    const item = find('5', '（四）', '2');
    expect(item).toMatchObject({ kind: 'lead', lead: ['省工业和信息化厅', '省数据局'], coop: [], title: '推动政策直达快享' });
    expect(item.content.endsWith('探索推行惠企政策全程网办、免申即享。')).toBe(true);
  });

  it('reads attachment 7: （1） items as tasks under their sub-heading, with 牵头单位：', () => {
    const third = find('7', '（一）', '3');
    expect(third).toMatchObject({ group: '1. 促进教育高质量发展', lead: ['省妇联'], kind: 'lead' });
    expect(third.content).toContain('惠及 300 万家长。');
    expect(find('7', '（一）', '16')).toMatchObject({
      group: '7. 加强数字政务服务能力建设',
      lead: ['省数据局', '省人力资源社会保障厅'],
    });
    expect(find('7', '（一）', '24').group).toBe('10. 加强农业农村基础设施建设');
    expect(find('7', '（二）', '1').group).toBeNull();
    expect(itemsOf('7').filter((i) => i.section === '（一）办好十大重点民生实事')).toHaveLength(24);
  });

  it('attaches a unit clause that a page break pushed onto its own line (附件 7 （四）2)', () => {
    const item = find('7', '（四）', '2');
    expect(item.lead).toEqual(['省生态环境厅']);
    expect(item.content.endsWith('平均浓度下降 1—2 微克/立方米。')).toBe(true);
  });

  it('reads the 工作专班 of each plan', () => {
    const first = attachment('1');
    expect(first).toMatchObject({
      convener: '省政府副秘书长或省政府办公厅副主任',
      deputyConveners: '省发展改革委、省商务厅主要负责人',
      officeAt: '省发展改革委',
    });
    expect(first.members).toContain('省商务厅');
    expect(first.members).toHaveLength(29);
    expect(first.members.at(-1)).toBe('省长株潭一体化发展事务中心');
    expect(first.goals.startsWith('充分发挥消费的基础作用')).toBe(true);
    expect(attachment('6').officeAt).toBe('省应急管理厅');
    expect(attachment('7').members.at(-1)).toBe('国网湖南省电力公司');
    expect(attachment('7').officeAt).toBe('省人力资源社会保障厅');
  });
});

describe('parseHandlingSlip on the seed document', () => {
  it('reads the slip fields and each leader instruction', () => {
    const slip = parseHandlingSlip(SEED);
    expect(slip).toMatchObject({
      issuer: '省政府办公厅',
      docNo: '湘政办发〔2025〕2号',
      secrecy: '非密',
      receivedAt: '2025-01-20 10:26:51',
      note: '此件依申请公开',
      handler: '秘书室',
      phone: '5172259',
      serialNo: '000993',
      officeOpinion: { person: '胡义', date: '2025-01-20' },
      routingOpinion: { person: '杨余梦', date: '1月20日' },
    });
    expect(slip?.subject).toContain('总体方案');
    expect(slip?.instructions).toHaveLength(8);
    expect(slip?.instructions[0]).toMatchObject({ person: '', date: '1.24' });
    expect(slip?.instructions[0].content).toContain('提出汨罗落实方案');
    expect(slip?.instructions[7]).toEqual({ person: '杨盛', date: '2025-01-26', content: '' });
    expect(JSON.stringify(slip)).not.toContain('<div');
  });

  it('returns null when there is no slip', () => {
    expect(parseHandlingSlip('内需扩量提效攻坚实施方案')).toBeNull();
  });
});

/** A one-section plan around the given task lines, as pasted text with blank lines. */
const miniPlan = (...tasks: string[]): string =>
  ['附件 1', '测试攻坚实施方案', '一、攻坚目标', '目标文字。', '二、攻坚任务', '（一）测试章节', ...tasks].join('\n\n');
const onlyItem = (...tasks: string[]): DraftItem => {
  const { items } = parsePlanText(miniPlan(...tasks));
  expect(items).toHaveLength(1);
  return items[0];
};

describe('unit parentheses forms', () => {
  it.each([
    ['（甲厅牵头，乙局、丙委等按职责分工负责）', { kind: 'lead', lead: ['甲厅'], coop: ['乙局', '丙委'], resp: [] }],
    ['（甲厅、乙局分别牵头，丙委按职能分工负责）', { kind: 'lead', lead: ['甲厅', '乙局'], coop: ['丙委'], resp: [] }],
    ['(甲厅、乙局牵头负责)', { kind: 'lead', lead: ['甲厅', '乙局'], coop: [], resp: [] }],
    ['（牵头单位：甲厅、乙局）', { kind: 'lead', lead: ['甲厅', '乙局'], coop: [], resp: [] }],
    ['(牵头单位:甲厅；配合单位：乙局)', { kind: 'lead', lead: ['甲厅'], coop: ['乙局'], resp: [] }],
    ['（甲厅牵头）', { kind: 'lead', lead: ['甲厅'], coop: [], resp: [] }],
    ['（甲厅、乙局等按职责分工负责）', { kind: 'joint', lead: [], coop: [], resp: ['甲厅', '乙局'] }],
    ['（甲厅、乙局按职能分工负责）', { kind: 'joint', lead: [], coop: [], resp: ['甲厅', '乙局'] }],
    ['（甲厅负责）', { kind: 'joint', lead: [], coop: [], resp: ['甲厅'] }],
    ['(甲厅牵头,乙局、丙委等按职能分工负责)', { kind: 'lead', lead: ['甲厅'], coop: ['乙局', '丙委'], resp: [] }],
    ['（甲厅牵头，乙局等按职责分工负责)', { kind: 'lead', lead: ['甲厅'], coop: ['乙局'], resp: [] }],
  ])('%s', (clause, roles) => {
    const item = onlyItem(`1. 做好测试工作。具体内容（含括号）。${clause}`);
    expect(item).toMatchObject({ ...roles, title: '做好测试工作', content: '做好测试工作。具体内容（含括号）。' });
  });

  it('cuts only a trailing clause that names units', () => {
    expect(cutTrailingClause('建设基地（实践）')).toEqual({ before: '建设基地（实践）', clause: null });
    expect(cutTrailingClause('内容。（甲厅牵头）').clause).toBe('甲厅牵头');
    expect(parseUnitClause('甲厅牵头，乙局等按职责分工负责').coop).toEqual(['乙局']);
  });

  it('splits unit lists on every separator and drops 等', () => {
    expect(splitUnitList('甲厅、乙局，丙委,丁办；戊会/己行\n庚局等')).toEqual(['甲厅', '乙局', '丙委', '丁办', '戊会', '己行', '庚局']);
    expect(splitUnitList('\u3000甲厅 、 乙局等\u3000')).toEqual(['甲厅', '乙局']);
    expect(splitUnitList('')).toEqual([]);
  });
});

describe('page breaks and problems', () => {
  it('rejoins a paragraph and its clause broken by a page break', () => {
    const item = onlyItem('1. 推动增收减负。突出就业优先导\n\n向，加大力度。（甲厅牵头，乙局等按职\n\n责分工负责)');
    expect(item).toMatchObject({ content: '推动增收减负。突出就业优先导向，加大力度。', lead: ['甲厅'], coop: ['乙局'] });
  });

  it('attaches a clause pushed below a finished sentence', () => {
    const item = onlyItem('（1）更新设备。补充配置电脑 30 万台。', '（牵头单位：甲厅）');
    expect(item).toMatchObject({ no: '1', lead: ['甲厅'], content: '更新设备。补充配置电脑 30 万台。' });
  });

  it('reports a numbered paragraph with no unit clause, with its line', () => {
    const { items, problems } = parsePlanText(miniPlan('1. 没有单位的任务。只有内容。', '2. 有单位。（甲厅牵头）'), { file: 'x.txt' });
    expect(items.map((i) => i.no)).toEqual(['1', '2']);
    expect(problems).toEqual([expect.objectContaining({ file: 'x.txt', row: 13, severity: 'warning' })]);
  });

  it('reads Windows line endings and indented lines the same way', () => {
    const crlf = SEED.split('\n').map((line) => `\u3000${line}`).join('\r\n');
    expect(parsePlanText(crlf).items).toEqual(result.items);
  });

  it.each([
    ['empty', ''],
    ['noise', '随便一段文字，没有任何结构。\n\n1. 也不是任务\n（一）\n)))((('],
    ['binary-ish', '\u0000\u0001\uFFFD%PDF-1.7 \n\t\t\n'.repeat(50)],
    ['numbers', Array.from({ length: 500 }, (_, i) => `${i}. ${i}`).join('\n')],
  ])('returns zero items for %s and does not throw', (_name, text) => {
    const parsed = parsePlanText(text);
    expect(parsed.items).toEqual([]);
    expect(parsed.plans).toEqual([]);
  });
});
