/** A text the agency wrote per language: the chosen language, else French marked as such. */
export function localized(texts: Partial<Record<string, string>> | null, language: string): { text: string; inFrench: boolean } | null {
  if (!texts) return null;
  const own = texts[language];
  if (own) return { text: own, inFrench: false };
  return texts.fr ? { text: texts.fr, inFrench: language !== 'fr' } : null;
}
