/**
 * QR codes as SVG from the `qrcode` library's module matrix (its own SVG output is callback-based).
 * One path of unit squares, with the quiet zone kept: scanners need four modules of blank around.
 */
import QRCode from 'qrcode';

export type ErrorCorrection = 'L' | 'M' | 'Q' | 'H';

export interface QrSvg {
  svg: string;
  /** Modules per side, quiet zone included. */
  modules: number;
}

const QUIET_ZONE = 4;

export function qrSvg(text: string, errorCorrectionLevel: ErrorCorrection = 'M'): QrSvg {
  const { modules } = QRCode.create(text, { errorCorrectionLevel });
  const size = modules.size;
  const side = size + 2 * QUIET_ZONE;
  let path = '';
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      if (modules.get(row, column)) path += `M${column + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`;
    }
  }
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">` +
    `<rect width="${side}" height="${side}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
  return { svg, modules: side };
}
