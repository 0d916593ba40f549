/**
 * A QR code on paper: error correction Q (a quarter of the code can be worn, folded or smudged),
 * the quiet zone kept, each module a whole number of printer dots.
 */
import { useMemo } from 'preact/hooks';
import { qrSvg } from '../../common/qr/qr-svg';
import { qrPrintSize } from '../../common/print/qr-size';

export function PrintQr({ url, label, dpi, maxMm, testId }: { url: string; label: string; dpi: number; maxMm: number; testId?: string }) {
  const code = useMemo(() => qrSvg(url, 'Q'), [url]);
  const size = qrPrintSize(code.modules, dpi, maxMm);
  return (
    <figure class="print-qr" data-testid={testId} data-url={url} data-dots-per-module={size.dotsPerModule}>
      <div
        class="print-qr__code"
        role="img"
        aria-label={label}
        style={{ width: `${size.sideMm}mm`, height: `${size.sideMm}mm` }}
        dangerouslySetInnerHTML={{ __html: code.svg }}
      />
      <figcaption class="print-qr__label">{label}</figcaption>
    </figure>
  );
}
