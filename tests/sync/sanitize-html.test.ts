import { describe, expect, it } from 'vitest';
import { cleanHtml, cleanPlain } from '../../sync/html/sanitize-html';

describe('sanitising Soliguide HTML at ingest', () => {
  it('decodes entities and keeps paragraphs as lines in the plain text', () => {
    const clean = cleanHtml("<p>Consultations &#224; l'IAP (Pr&#233;venir)</p><p>Sur rendez-vous</p>");
    expect(clean?.text).toBe("Consultations à l'IAP (Prévenir)\nSur rendez-vous");
    expect(clean?.html).toBe("<p>Consultations à l'IAP (Prévenir)</p><p>Sur rendez-vous</p>");
  });

  it('removes scripts with their content, event handlers and styles', () => {
    const clean = cleanHtml('<p onclick="steal()" style="color:red">Bonjour<script>alert(document.cookie)</script></p><img src=x onerror=alert(1)>');
    expect(clean?.html).toBe('<p>Bonjour</p>');
    expect(clean?.text).toBe('Bonjour');
  });

  it('keeps links as data, never as navigable anchors, and drops javascript: URLs', () => {
    const clean = cleanHtml('<p>Voir <a href="https://example.org/aide" target="_blank">le site</a> ou <a href="javascript:alert(1)">ici</a></p>');
    expect(clean?.html).toBe('<p>Voir <span data-href="https://example.org/aide">le site</span> ou <span>ici</span></p>');
    expect(clean?.html).not.toContain('<a');
  });

  it('turns an inline right-to-left style into dir="rtl" (Arabic, Persian, Pashto translations)', () => {
    const clean = cleanHtml('<p style=";text-align:right;direction:rtl">مرحبا</p>');
    expect(clean?.html).toBe('<p dir="rtl">مرحبا</p>');
  });

  it('bullets list items in the plain text', () => {
    expect(cleanHtml('<ul><li>Douches</li><li>Laverie</li></ul>')?.text).toBe('• Douches\n• Laverie');
  });

  it('gives null for null, blank and markup-only input', () => {
    expect(cleanHtml(null)).toBeNull();
    expect(cleanHtml('   ')).toBeNull();
    expect(cleanHtml('<p><br></p>')).toBeNull();
    expect(cleanHtml('<script>x()</script>')).toBeNull();
  });

  it('flattens plain-text fields to one line, markup and entities removed', () => {
    expect(cleanPlain('Sur <b>inscription</b>\n&amp; rendez-vous')).toBe('Sur inscription & rendez-vous');
  });

  it('escapes what it keeps: text that looks like markup stays text', () => {
    const clean = cleanHtml('<p>1 &lt; 2 &amp; &lt;script&gt;</p>');
    expect(clean?.html).toBe('<p>1 &lt; 2 &amp; &lt;script&gt;</p>');
    expect(clean?.text).toBe('1 < 2 & <script>');
  });
});
