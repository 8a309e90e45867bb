import { useEffect, type ReactNode } from 'react';
import { DOC_FLAG_NO_DATE, DOC_FLAG_NO_DOC_NO, type Document, type Instruction } from '../../../shared/contract/schemas/documents';
import { call } from '../api/client';
import { PageRule } from './PageRule';
import { usePrintData } from './use-print-data';

async function load(id: number): Promise<{ office: string; doc: Document }> {
  const [info, doc] = await Promise.all([call('app:info', {}), call('documents:get', { id })]);
  return { office: info.office.name, doc };
}

function Flag({ text }: { text: string }) {
  return <span className="qd-slip-flag">{text}</span>;
}

/** The leader instructions: each worded one with its signature below; bare signatures flow together. */
function Instructions({ list }: { list: readonly Instruction[] }) {
  const worded = list.filter((n) => n.content);
  const bare = list.filter((n) => !n.content);
  return (
    <>
      {worded.map((n) => (
        <div key={n.id} className="qd-slip-entry">
          <div>{n.content}</div>
          {(n.person || n.givenOn) && <div className="qd-slip-sign">{[n.person, n.givenOn].filter(Boolean).join(' ')}</div>}
        </div>
      ))}
      {bare.length > 0 && (
        <div className="qd-slip-entry qd-slip-sign">
          {bare.map((n) => (
            <span key={n.id} className="qd-slip-signature">
              {[n.person, n.givenOn].filter(Boolean).join(' ')}
            </span>
          ))}
        </div>
      )}
    </>
  );
}

function Row({ label, children, height }: { label: string; children: ReactNode; height?: string }) {
  return (
    <tr>
      <th>{label}</th>
      <td colSpan={5} className={height ? 'qd-slip-tall' : undefined} style={height ? { height } : undefined}>
        {children}
      </td>
    </tr>
  );
}

/** 文件处理单 in the seed's layout: a bordered form, A4 portrait. */
export function SlipPrint({ documentId, onReady }: { documentId: number; onReady(title: string): void }) {
  const { data, error } = usePrintData(() => load(documentId), [documentId]);
  const title = `${data?.office ?? ''}文件处理单`;
  useEffect(() => {
    if (data) onReady(data.doc.subject);
  }, [data, onReady]);
  if (error) return <p className="qd-print-empty">{error}</p>;
  if (!data) return <p className="qd-print-empty">正在准备打印内容…</p>;
  const d = data.doc;
  return (
    <div className="qd-print qd-slip" data-print-ready="true">
      <PageRule orientation="portrait" />
      <h1>{title}</h1>
      <table className="qd-slip-table">
        <colgroup>
          <col style={{ width: '15%' }} />
          <col style={{ width: '17%' }} />
          <col style={{ width: '8%' }} />
          <col style={{ width: '27%' }} />
          <col style={{ width: '8%' }} />
          <col style={{ width: '25%' }} />
        </colgroup>
        <tbody>
          <tr className="qd-slip-head">
            <th>来文机关</th>
            <td>{d.issuer}</td>
            <th>文号</th>
            <td>{d.docNo || <Flag text={DOC_FLAG_NO_DOC_NO} />}</td>
            <td style={{ textAlign: 'center' }}>{d.secrecy}</td>
            <td>
              收文日期
              <br />
              <span className="qd-nowrap">{d.receivedAt || <Flag text={DOC_FLAG_NO_DATE} />}</span>
            </td>
          </tr>
          <Row label="文件主题">{d.subject}</Row>
          <Row label="拟发单位">{d.proposedUnits}</Row>
          <Row label="送批意见" height="28mm">{d.submitOpinion}</Row>
          <Row label="办公室意见" height="28mm">{d.officeOpinion}</Row>
          <Row label="领导批示" height="80mm">
            <Instructions list={d.instructions} />
          </Row>
          <Row label="备注">{d.remark}</Row>
        </tbody>
      </table>
      <div className="qd-slip-foot">
        <span>经办人：{d.handler}</span>
        <span>联系电话：{d.phone}</span>
        <span>收文编号：{d.receiptNo}</span>
      </div>
    </div>
  );
}
