/**
 * Size of a printed QR code: each module a whole number of printer dots (a module split across
 * dots prints fuzzy on a thermal head), as large as the space allows, never under the smallest
 * module phones read reliably from worn paper.
 */
export const MM_PER_INCH = 25.4;

/** Below about 0.35 mm per module, phone cameras start to miss codes on thermal paper. */
export const MIN_MODULE_MM = 0.35;

export interface QrPrintSize {
  dotsPerModule: number;
  moduleMm: number;
  /** Side of the whole code, quiet zone included. */
  sideMm: number;
}

/**
 * `modules` counts the quiet zone. The largest whole number of dots per module that keeps the
 * code within `maxSideMm`; at least the dots that make MIN_MODULE_MM, even if that overflows.
 */
export function qrPrintSize(modules: number, dpi: number, maxSideMm: number): QrPrintSize {
  const dotMm = MM_PER_INCH / dpi;
  const minimum = Math.max(1, Math.ceil(MIN_MODULE_MM / dotMm - 1e-9));
  const fitting = Math.floor(maxSideMm / (modules * dotMm) + 1e-9);
  const dotsPerModule = Math.max(minimum, fitting);
  const moduleMm = dotsPerModule * dotMm;
  return { dotsPerModule, moduleMm, sideMm: modules * moduleMm };
}
