import { useCallback, useState, type ReactNode } from 'react';
import { PrintToolbar } from './PrintToolbar';
import { BulletinPrint } from './BulletinPrint';
import { EvaluationPrint } from './EvaluationPrint';
import { ItemsPrint } from './ItemsPrint';
import { MissingPrint } from './MissingPrint';
import { SlipPrint } from './SlipPrint';
import { UrgePrint } from './UrgePrint';
import { numberParam, parsePrintHash, readItemsPrint } from './print-route';
import '@fontsource/noto-serif-sc/400.css';
import '@fontsource/noto-sans-sc/400.css';
import './print.css';

/** A print view with its preview bar: #/print/items, #/print/slip, #/print/bulletin. */
export function PrintRoot({ hash }: { hash: string }) {
  const { view, params } = parsePrintHash(hash);
  const [title, setTitle] = useState<string | null>(null);
  const onReady = useCallback((t: string) => setTitle(t), []);
  const landscape = view === 'items' || view === 'evaluation';
  const id = numberParam(params, view === 'bulletin' || view === 'missing' ? 'periodId' : 'id');
  let body: ReactNode;
  if (view === 'items') body = <ItemsPrint request={readItemsPrint(params)} onReady={onReady} />;
  else if (view === 'slip' && id) body = <SlipPrint documentId={id} onReady={onReady} />;
  else if (view === 'bulletin' && id) body = <BulletinPrint periodId={id} onReady={onReady} />;
  else if (view === 'missing' && id) body = <MissingPrint periodId={id} onReady={onReady} />;
  else if (view === 'urges') body = <UrgePrint params={params} onReady={onReady} />;
  else if (view === 'evaluation') body = <EvaluationPrint params={params} onReady={onReady} />;
  else body = <p className="qd-print-empty">无法识别的打印内容：{hash}</p>;
  return (
    <div className="qd-print-screen">
      <PrintToolbar title={title ?? '…'} fileName={title ?? '打印'} landscape={landscape} ready={title !== null} />
      <div className="qd-print-sheet" data-orientation={landscape ? 'landscape' : 'portrait'} data-testid="print-sheet">
        {body}
      </div>
    </div>
  );
}
