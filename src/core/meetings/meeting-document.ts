import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Block } from './meeting-text';

/**
 * A meeting paper (summary, pre-read pack) as HTML or as a PDF brief. Both carry the marking at the top
 * and the bottom, and a DRAFT banner until the text is final. Every piece of text is escaped in HTML.
 */
export interface MeetingDocument {
  title: string;
  /** The marking label printed as a banner: PUBLIC, GROUP, RESTRICTED REL TO GBR, UKR. */
  marking: string;
  draft: boolean;
  blocks: readonly Block[];
  /** A line at the end: where it comes from and when. */
  footer: string;
}

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => entities[c] ?? c);

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
  }
}

/** A standalone HTML page (print-friendly, no script, no outside resources). */
export function renderDocumentHtml(doc: MeetingDocument): string {
  const banner = `<div class="marking">${escapeHtml(doc.marking)}${doc.draft ? ' · DRAFT' : ''}</div>`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(doc.title)}</title>`,
    '<style>',
    'body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#111}',
    '.marking{text-align:center;font-weight:700;letter-spacing:.05em;border:2px solid #111;padding:.25rem;margin:1rem 0}',
    'h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:1.5rem}h3{font-size:1rem}',
    'footer{margin-top:2rem;font-size:.85rem;color:#444}',
    '</style>',
    '</head>',
    '<body>',
    banner,
    '<main>',
    ...doc.blocks.map(blockHtml),
    '</main>',
    `<footer>${escapeHtml(doc.footer)}</footer>`,
    banner,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * The brief embeds DejaVu Sans (subset to the glyphs used), which covers Latin, Cyrillic and Greek:
 * the standard PDF fonts encode only WinAnsi, and names such as Умєров must print as written.
 */
const fontFile = (name: string): string =>
  createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`);
const FONTS = {
  regular: fontFile('DejaVuSans'),
  bold: fontFile('DejaVuSans-Bold'),
  italic: fontFile('DejaVuSans-Oblique'),
} as const;

/** The PDF brief: A4, the marking in every page's header and footer, headings and bullet lists. */
export function renderDocumentPdf(doc: MeetingDocument, now: Date = new Date()): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4',
      margins: { top: 72, bottom: 72, left: 64, right: 64 },
      bufferPages: true,
      info: { Title: doc.title, Creator: 'Ramstein', CreationDate: now },
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);

    const width = pdf.page.width - 128;
    for (const block of doc.blocks) {
      switch (block.kind) {
        case 'heading': {
          const size = block.level === 1 ? 18 : block.level === 2 ? 14 : 12;
          pdf.moveDown(block.level === 1 ? 0 : 0.6);
          pdf.font(FONTS.bold).fontSize(size).text(block.text, { width });
          pdf.moveDown(0.3);
          break;
        }
        case 'list':
          pdf.font(FONTS.regular).fontSize(10.5);
          for (const item of block.items)
            pdf.text(`•  ${item}`, { width, indent: 0, paragraphGap: 2 });
          pdf.moveDown(0.4);
          break;
        case 'paragraph':
          pdf.font(FONTS.regular).fontSize(10.5).text(block.text, { width });
          pdf.moveDown(0.5);
          break;
      }
    }
    pdf.moveDown(1);
    pdf.font(FONTS.italic).fontSize(8.5).fillColor('#444').text(doc.footer, { width });

    // The marking on every page, top and bottom, once the pages are laid out.
    const banner = `${doc.marking}${doc.draft ? '  ·  DRAFT' : ''}`;
    const range = pdf.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i += 1) {
      pdf.switchToPage(i);
      const bottom = pdf.page.margins.bottom;
      pdf.page.margins.bottom = 0;
      pdf.font(FONTS.bold).fontSize(9).fillColor('#000');
      pdf.text(banner, 64, 36, { width, align: 'center', lineBreak: false });
      pdf.text(`${banner}  ·  ${i + 1}/${range.count}`, 64, pdf.page.height - 48, {
        width,
        align: 'center',
        lineBreak: false,
      });
      pdf.page.margins.bottom = bottom;
    }
    pdf.end();
  });
}
