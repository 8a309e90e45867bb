import type { Page } from 'playwright-core';

/** The fields of the 来文批示 form, by their labels. */
export interface SlipInput {
  issuer: string;
  docNo: string;
  secrecy: string;
  receivedAt: string;
  subject: string;
  proposedUnits: string;
  submitOpinion: string;
  officeOpinion: string;
  remark: string;
  handler: string;
  phone: string;
  receiptNo: string;
  instructions: { person: string; date: string; content: string }[];
}

const LABELS: [keyof SlipInput, string][] = [
  ['issuer', '来文机关'],
  ['docNo', '文号'],
  ['receivedAt', '收文日期'],
  ['subject', '文件主题'],
  ['proposedUnits', '拟发单位'],
  ['submitOpinion', '送批意见'],
  ['officeOpinion', '办公室意见'],
  ['remark', '备注'],
  ['handler', '经办人'],
  ['phone', '联系电话'],
  ['receiptNo', '收文编号'],
];

/** 来文批示 as a user drives it. */
export class DocumentsPageModel {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '来文批示' }).click();
    await this.page.getByRole('heading', { name: '来文批示' }).waitFor();
  }

  /** Registers a new document typing every field and instruction, then saves. */
  async register(slip: SlipInput): Promise<void> {
    await this.page.getByRole('button', { name: '登记来文' }).click();
    for (const [key, label] of LABELS) {
      const value = slip[key] as string;
      if (value) await this.page.getByRole('textbox', { name: label, exact: true }).fill(value);
    }
    await this.page.getByRole('combobox', { name: '密级' }).click();
    await this.page.getByRole('option', { name: slip.secrecy, exact: true }).click();
    for (const [i, n] of slip.instructions.entries()) {
      await this.page.getByRole('button', { name: '添加批示' }).click();
      await this.page.getByLabel(`批示人 ${i + 1}`, { exact: true }).fill(n.person);
      await this.page.getByLabel(`批示日期 ${i + 1}`, { exact: true }).fill(n.date);
      if (n.content) await this.page.getByLabel(`批示内容 ${i + 1}`, { exact: true }).fill(n.content);
    }
    await this.page.getByRole('button', { name: '保存', exact: true }).click();
    await this.page.getByText('已保存', { exact: true }).first().waitFor();
  }

  /** Turns instruction n (1-based) into a task with a title and a lead unit. */
  async toTask(n: number, title: string, leadUnit: string, deadline: string): Promise<void> {
    await this.page.getByTestId(`instruction-${n}`).getByRole('button', { name: '转为任务' }).click();
    const dialog = this.page.getByRole('dialog', { name: '领导批示转为任务' });
    await dialog.getByRole('textbox', { name: '任务名称', exact: true }).fill(title);
    await dialog.getByRole('combobox', { name: '牵头单位' }).click();
    await this.page.getByRole('option', { name: leadUnit, exact: true }).click();
    await dialog.getByRole('textbox', { name: '完成时限', exact: true }).fill(deadline);
    await dialog.getByRole('button', { name: '创建任务' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
