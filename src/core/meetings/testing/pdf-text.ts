import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Test-only: the text a PDF shows, read by Mozilla's pdf.js (the reader browsers use), one line per
 * line of text and pages in order. Reading through a real PDF reader proves the embedded fonts map
 * back to the characters written (Cyrillic included), not merely that some bytes are there.
 */
export async function pdfText(pdf: Buffer): Promise<string> {
  const document = await getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const lines: string[] = [];
  for (let n = 1; n <= document.numPages; n += 1) {
    const page = await document.getPage(n);
    const content = await page.getTextContent();
    let line = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      line += item.str;
      if (item.hasEOL) {
        lines.push(line);
        line = '';
      }
    }
    if (line !== '') lines.push(line);
  }
  await document.destroy();
  return lines.join('\n');
}
