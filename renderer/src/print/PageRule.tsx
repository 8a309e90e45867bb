/** Page footer: 第 X 页 共 Y 页 in a CSS page margin box (Chromium prints these). */
const FOOTER = `@bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font-family: var(--qd-font-fangsong); font-size: 10.5pt; }`;

/** The @page rule of the view shown: A4, orientation, margins, page numbers. Only present while the view is. */
export function PageRule({ orientation }: { orientation: 'portrait' | 'landscape' }) {
  const margin = orientation === 'landscape' ? '14mm 12mm 16mm 12mm' : '25mm 22mm 22mm 24mm';
  return <style>{`@page { size: A4 ${orientation}; margin: ${margin}; ${FOOTER} }`}</style>;
}
