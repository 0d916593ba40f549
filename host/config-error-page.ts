/**
 * The page a kiosk shows when its configuration is unusable: for the technician standing in
 * front of it. Bilingual, because the kiosk's language settings are part of what may be broken.
 */
import { escapeHtml } from '../common/text/escape-html';

export function configErrorPage(message: string): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>Borne Soliguide — erreur de configuration</title>
<style>body{font:20px/1.5 system-ui,sans-serif;margin:3rem;color:#111;background:#fff}h1{font-size:2rem}pre{white-space:pre-wrap;background:#f3f3f3;padding:1rem;border-left:6px solid #b00020}</style>
</head><body>
<h1>Borne hors service — configuration invalide</h1>
<p lang="en">Kiosk out of service — invalid configuration.</p>
<p>Message pour l’administrateur de la borne / for the kiosk's administrator:</p>
<pre>${escapeHtml(message)}</pre>
</body></html>`;
}
