import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveTargets } from '../../electron/core/targets/derive-targets';
import { fillAsUnit, office, type Office, type Sent } from './three-offices/office';

// Three databases — province, city (岳阳市), county (汨罗市) — that touch each other only through files.
// The clock of every office is 2025-07-15; each opens its own round for 2025-07-01 … 07-15, due 07-20.
describe('three offices, files only: issue, break down, report up', () => {
  let province: Office;
  let city: Office;
  let county: Office;
  const files: Record<string, Sent> = {};

  beforeAll(async () => {
    province = await office('湖南省七大攻坚工作专班办公室', '省', '');
    city = await office('岳阳市七大攻坚工作专班办公室', '市', '湖南省七大攻坚工作专班办公室');
    county = await office('汨罗市七大攻坚工作专班办公室', '县', '岳阳市七大攻坚工作专班办公室');
  });
  afterAll(() => [province, city, county].forEach((o) => o?.close()));

  it('1. the province issues its list and a period template', async () => {
    const [dev, hr, yueyang, other] = await Promise.all(['省发展改革委', '省人力资源社会保障厅', '岳阳市', '省商务厅'].map((u) => province.unit(u)));
    const task = (code: string, title: string, content: string, deadlineText: string, lead: number, resp: number[]) =>
      province.call('items:create', { kind: 'task', code, title, content, deadlineText, units: [{ unitId: lead, role: 'lead' }, ...resp.map((unitId) => ({ unitId, role: 'resp' as const }))] });
    await task('1', '稳就业促增收', '全年新增城镇就业1.2万人以上。', '2025年12月底前', hr, [yueyang]);
    await task('2', '扩大有效投资', '完成重点项目投资200亿元以上。', '2025年12月底前', dev, [yueyang]);
    await task('3', '农村公路提质改造', '完成农村公路提质改造100公里。', '2025年6月底前', dev, [yueyang]);
    await task('4', '建设口袋公园', '新建口袋公园20个。', '2025年9月底前', dev, [yueyang]);
    await task('5', '培育外贸主体', '新增外贸实绩企业500家。', '2025年12月底前', other, []);
    deriveTargets(province.core.ctx.db, null);
    files.provinceList = await province.exportList({ kind: 'task' });
    const period = await province.openPeriod('2025年第7期');
    const issued = await province.issue(period.id, ['岳阳市', '省发展改革委', '省人力资源社会保障厅', '省商务厅']);
    files.provinceTemplate = issued.get('岳阳市')!;
    expect(issued.size).toBe(4);
  });

  it('2. the city imports the list, breaks down its four tasks and issues to the county and two city units', async () => {
    const imported = await city.importList(files.provinceList);
    expect(imported.counts.new).toBe(5);
    const mine = (await city.tasks({ origin: 'upper' })).filter((t) => t.resp.includes('岳阳市'));
    expect(mine.map((t) => t.code)).toEqual(['1', '2', '3', '4']);
    const split = await city.call('items:break-down', { upperItemIds: mine.map((t) => t.id) });
    expect(split.created).toBe(4);
    const [miluo, cityDev, cityHr] = await Promise.all(['汨罗市', '市发展改革委', '市人力资源社会保障局'].map((u) => city.unit(u)));
    const assign = { '1-1': [cityHr, miluo], '2-1': [cityDev], '3-1': [miluo], '4-1': [cityDev, miluo] } as Record<string, number[]>;
    for (const it of split.items) {
      const [lead, ...resp] = assign[it.code];
      await city.call('items:update', { id: it.id, units: [{ unitId: lead, role: 'lead' }, ...resp.map((unitId) => ({ unitId, role: 'resp' as const }))] });
    }
    files.cityList = await city.exportList({ kind: 'task', origin: 'local' });
    const period = await city.openPeriod('2025年7月上半月');
    const issued = await city.issue(period.id, ['汨罗市', '市发展改革委', '市人力资源社会保障局']);
    files.cityToCounty = issued.get('汨罗市')!;
    files.cityToDev = issued.get('市发展改革委')!;
    files.cityToHr = issued.get('市人力资源社会保障局')!;
  });

  it('3. the county imports, breaks down, collects two unit returns and reports up', async () => {
    await county.importList(files.cityList);
    // the county's copies of the city's items keep the city's ids and 编号 (1-1 stays 1-1)
    const sent = city.core.ctx.db.prepare("SELECT uid, code, code AS upperCode FROM items WHERE origin = 'local' ORDER BY code").all();
    const kept = county.core.ctx.db.prepare("SELECT upper_uid AS uid, code, upper_code AS upperCode FROM items WHERE origin = 'upper' ORDER BY code").all();
    expect(kept).toEqual(sent);
    const mine = (await county.tasks({ origin: 'upper' })).filter((t) => (t.lead + t.resp).includes('汨罗市'));
    expect(mine.map((t) => t.title)).toEqual(['稳就业促增收', '农村公路提质改造', '建设口袋公园']);
    const split = await county.call('items:break-down', { upperItemIds: mine.map((t) => t.id) });
    const [dev, hr] = await Promise.all(['汨罗市发展和改革局', '汨罗市人力资源和社会保障局'].map((u) => county.unit(u)));
    const lead = { 稳就业促增收: hr, 农村公路提质改造: dev, 建设口袋公园: dev } as Record<string, number>;
    for (const it of split.items) await county.call('items:update', { id: it.id, units: [{ unitId: lead[it.title], role: 'lead' }] });
    const period = await county.openPeriod('2025年第7期');
    const issued = await county.issue(period.id, ['汨罗市发展和改革局', '汨罗市人力资源和社会保障局']);
    files.countyDevReturn = await fillAsUnit(issued.get('汨罗市发展和改革局')!, {
      农村公路提质改造: { status: '推进中', ratio: 80, value: 18, progressText: '完成提质改造18公里', problems: '雨季影响施工' },
      建设口袋公园: { status: '已完成', ratio: 100, value: 3, progressText: '3个口袋公园建成开放' },
    });
    files.countyHrReturn = await fillAsUnit(issued.get('汨罗市人力资源和社会保障局')!, {
      稳就业促增收: { status: '推进中', ratio: 55, value: 1100, progressText: '新增城镇就业1100人', nextSteps: '举办专场招聘会' },
    });
    const applied = await county.call('returns:apply', { files: [files.countyDevReturn, files.countyHrReturn] });
    expect(applied.counts.newReports).toBe(3);
    const up = await county.call('reportup:fill', { fileName: files.cityToCounty.name, bytes: files.cityToCounty.bytes });
    expect(up.counts).toEqual({ rows: 3, filled: 3, rolledUp: 3, unmatched: 0 });
    expect(up.rows.map((r) => r.matchedBy)).toEqual(['upper_uid', 'upper_uid', 'upper_uid']);
    files.countyReport = { name: up.fileName, bytes: up.bytes };
  });

  it('4. the city consolidates the county and its two units, and reports up', async () => {
    files.cityDevReturn = await fillAsUnit(files.cityToDev, {
      扩大有效投资: { status: '推进中', ratio: 45, value: 4.2, progressText: '完成投资4.2亿元' },
      建设口袋公园: { status: '已完成', ratio: 100, value: 3, progressText: '汨罗市3个口袋公园建成' },
    });
    files.cityHrReturn = await fillAsUnit(files.cityToHr, {
      稳就业促增收: { status: '推进中', ratio: 55, value: 1100, progressText: '全市新增城镇就业1100人' },
    });
    const applied = await city.call('returns:apply', { files: [files.countyReport, files.cityDevReturn, files.cityHrReturn] });
    expect(applied.counts).toMatchObject({ files: 3, newReports: 6, skippedFiles: 0 });
    const up = await city.call('reportup:fill', { fileName: files.provinceTemplate.name, bytes: files.provinceTemplate.bytes });
    expect(up.counts).toEqual({ rows: 4, filled: 4, rolledUp: 4, unmatched: 0 });
    expect(up.rows.map((r) => r.matchedBy)).toEqual(['upper_uid', 'upper_uid', 'upper_uid', 'upper_uid']);
    files.cityReport = { name: up.fileName, bytes: up.bytes };
  });

  it('5. the province imports the city return: four reports from 岳阳市, nothing else', async () => {
    const applied = await province.call('returns:apply', { files: [files.cityReport] });
    expect(applied.counts).toMatchObject({ files: 1, newReports: 4, skippedFiles: 0 });
    const rows = province.core.ctx.db
      .prepare("SELECT i.code, u.name AS unit, r.completion_ratio AS ratio, r.status, r.progress_text AS text FROM reports r JOIN items i ON i.id = r.item_id JOIN units u ON u.id = r.unit_id ORDER BY i.code")
      .all() as { code: string; unit: string; ratio: number; status: string; text: string }[];
    expect(rows.map((r) => [r.code, r.unit, r.status, r.ratio])).toEqual([
      ['1', '岳阳市', 'in_progress', 55],
      ['2', '岳阳市', 'in_progress', 45],
      ['3', '岳阳市', 'in_progress', 80],
      ['4', '岳阳市', 'done', 100],
    ]);
    // each level broke its item down 1:1, so the county unit's words arrive at the province as written
    expect(rows[2].text).toBe('完成提质改造18公里');
  });

  it('6. every item and report arrived once; lights and reporting rates are right at each level', async () => {
    const perOffice = async (o: Office) => ({
      upper: (await o.tasks({ origin: 'upper' })).map((t) => t.title).sort(),
      local: (await o.tasks({ origin: 'local' })).map((t) => t.title).sort(),
    });
    const all = ['农村公路提质改造', '培育外贸主体', '建设口袋公园', '扩大有效投资', '稳就业促增收'];
    const cityTasks = ['农村公路提质改造', '建设口袋公园', '扩大有效投资', '稳就业促增收'];
    const countyTasks = ['农村公路提质改造', '建设口袋公园', '稳就业促增收'];
    expect(await perOffice(city)).toEqual({ upper: all, local: cityTasks });
    expect(await perOffice(county)).toEqual({ upper: cityTasks, local: countyTasks });
    for (const o of [province, city, county]) {
      expect(o.count('SELECT count(*) - count(DISTINCT uid) AS n FROM items')).toBe(0);
      expect(o.count('SELECT count(*) AS n FROM (SELECT 1 FROM reports GROUP BY item_id, period_id, unit_id HAVING count(*) > 1)')).toBe(0);
    }
    expect(county.count('SELECT count(*) AS n FROM reports')).toBe(3);
    expect(city.count('SELECT count(*) AS n FROM reports')).toBe(6);
    expect(province.count('SELECT count(*) AS n FROM reports')).toBe(4);

    // Reporting rate: the province heard from 岳阳市 only (its three own departments owe it), city and county from everyone.
    const rate = async (o: Office) => (await o.call('dashboard:get', {})).reporting;
    expect(await rate(province)).toMatchObject({ basis: 'issued', expected: 4, reported: 1, rate: 0.25 });
    expect((await rate(province))?.missing).toEqual(['省发展改革委', '省人力资源社会保障厅', '省商务厅']);
    expect(await rate(city)).toMatchObject({ expected: 3, reported: 3, rate: 1 });
    expect(await rate(county)).toMatchObject({ expected: 2, reported: 2, rate: 1 });

    // Lights: the roads were due 2025-06-30 and are at 80 % — red at every level; the parks are done everywhere.
    // Upper items copied down are judged by the local items they were broken into.
    const lightOf = async (o: Office, title: string, origin: 'upper' | 'local') => {
      const id = (await o.tasks({ origin })).find((t) => t.title === title)!.id;
      return (await o.call('lights:for-items', { ids: [id] })).lights[String(id)];
    };
    for (const [o, origin] of [[province, 'local'], [city, 'local'], [city, 'upper'], [county, 'local'], [county, 'upper']] as const) {
      expect(await lightOf(o, '农村公路提质改造', origin)).toMatchObject({ level: 'bad', symbol: '●红', reason: '逾期 15 天未完成' });
      // done where every lead/responsible unit said 已完成; at the province its lead 省发展改革委 has not reported yet (COMBINE_RULE)
      const parks = await lightOf(o, '建设口袋公园', origin);
      if (o === province) expect(parks.level).toBe('good');
      else expect(parks).toMatchObject({ level: 'done', reason: '已完成' });
      expect((await lightOf(o, '稳就业促增收', origin)).level).toBe('good');
    }
    const parks = (await province.tasks({ origin: 'local' })).find((t) => t.title === '建设口袋公园')!;
    expect(await province.call('items:get', { id: parks.id })).toMatchObject({ status: 'in_progress' });
    expect((await province.call('dashboard:get', {})).lights).toEqual({ bad: 1, warn: 0, good: 4, done: 0 });
    expect((await city.call('dashboard:get', {})).lights).toMatchObject({ bad: 2, done: 2 });
  });

  it('7. re-sending any file changes nothing', async () => {
    const before = await Promise.all([province, city, county].map((o) => o.dump()));
    expect((await city.importList(files.provinceList)).counts).toMatchObject({ new: 0, changed: 0 });
    expect((await county.importList(files.cityList)).counts).toMatchObject({ new: 0, changed: 0 });
    const again = async (o: Office, list: Sent[]) => (await o.call('returns:apply', { files: list })).counts;
    expect(await again(county, [files.countyDevReturn, files.countyHrReturn])).toMatchObject({ newReports: 0, changedReports: 0, itemUpdates: 0 });
    expect(await again(city, [files.countyReport, files.cityDevReturn, files.cityHrReturn])).toMatchObject({ newReports: 0, changedReports: 0, itemUpdates: 0 });
    expect(await again(province, [files.cityReport])).toMatchObject({ newReports: 0, changedReports: 0, itemUpdates: 0 });
    // filling the same upper template again gives the same answers, and sending that changes nothing either
    const refill = await county.call('reportup:fill', { fileName: files.cityToCounty.name, bytes: files.cityToCounty.bytes });
    expect(await again(city, [{ name: refill.fileName, bytes: refill.bytes }])).toMatchObject({ newReports: 0, changedReports: 0, itemUpdates: 0 });
    expect(await Promise.all([province, city, county].map((o) => o.dump()))).toEqual(before);
  });
});
