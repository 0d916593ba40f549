/**
 * Text folded for matching what people type against labels: lower case, accents and Arabic
 * vowel marks removed, punctuation as spaces. The same idea as the mirror's full-text folding.
 */
export function foldForMatch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
