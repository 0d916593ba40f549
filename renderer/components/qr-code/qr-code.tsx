/** A QR code on screen: external links never open on the kiosk, they go to the person's phone. */
import { useMemo } from 'preact/hooks';
import { qrSvg } from '../../../common/qr/qr-svg';

export function QrCode({ url, label, testId }: { url: string; label: string; testId?: string }) {
  const svg = useMemo(() => qrSvg(url).svg, [url]);
  return (
    <figure class="qr" data-testid={testId} data-url={url}>
      <div class="qr__code" role="img" aria-label={label} dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption class="qr__label">{label}</figcaption>
    </figure>
  );
}
