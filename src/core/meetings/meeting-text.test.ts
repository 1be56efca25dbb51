import { describe, expect, it } from 'vitest';
import { renderDocumentHtml, renderDocumentPdf } from './meeting-document';
import { composeSummary, displayMoney, parseBlocks, type SummaryRecord } from './meeting-text';
import { pdfText } from './testing/pdf-text';

describe('parseBlocks', () => {
  it('reads headings, lists and paragraphs, a blank line ending each', () => {
    expect(
      parseBlocks('# Title\nfirst line\nsame paragraph\n\n- one\n- two\nafter the list\n## Next'),
    ).toEqual([
      { kind: 'heading', level: 1, text: 'Title' },
      { kind: 'paragraph', text: 'first line same paragraph' },
      { kind: 'list', items: ['one', 'two'] },
      { kind: 'paragraph', text: 'after the list' },
      { kind: 'heading', level: 2, text: 'Next' },
    ]);
  });
});

describe('displayMoney', () => {
  it('groups thousands and keeps the exact minor units', () => {
    expect(displayMoney(15_000_000_050, 'EUR')).toBe('EUR 150,000,000.50');
    expect(displayMoney(0, 'EUR')).toBe('EUR 0.00');
    expect(displayMoney(1234567, 'JPY')).toBe('JPY 1,234,567');
  });
});

const record: SummaryRecord = {
  code: 'UDCG-33',
  groupName: 'Ukraine Defence Contact Group',
  date: '2027-02-12',
  startTime: '15:00',
  timeZone: 'Europe/Brussels',
  venue: 'NATO Headquarters, Brussels',
  format: 'in_person',
  level: 'ministers',
  chair: 'United Kingdom',
  coChair: 'Germany',
  events: [{ name: "NATO defence ministers' meeting", relation: 'ahead_of' }],
  invited: 56,
  attendance: [
    { nation: 'Germany', mode: 'in_person', headOfDelegation: 'Boris Pistorius' },
    { nation: 'Poland', mode: 'virtual', headOfDelegation: null },
  ],
  reportingCurrency: 'EUR',
  pledges: [
    { donor: 'United Kingdom', area: 'Air defence', reportingMinor: 10_000_000_00 },
    { donor: 'United Kingdom', area: 'Air defence', reportingMinor: 5_000_000_00 },
    { donor: 'United Kingdom', area: 'Artillery', reportingMinor: null },
    { donor: 'Germany', area: 'Air defence', reportingMinor: 25_000_000_00 },
  ],
  withheldPledges: 0,
  agenda: [{ id: 'a1', position: 1, title: 'Air defence' }],
  outcomes: [
    { agendaItemId: 'a1', kind: 'decision', text: 'Deliver two more systems by spring' },
    { agendaItemId: null, kind: 'outcome', text: 'Next meeting in April' },
  ],
  actionItems: [
    { title: 'Report deliveries', owner: 'Germany', dueOn: '2027-03-01', status: 'open' },
  ],
};

describe('composeSummary', () => {
  const text = composeSummary(record);

  it('counts attendance against the invitations', () => {
    expect(text).toContain('2 nations attended (1 in person, 1 virtually) of 56 invited.');
    expect(text).toContain('- Germany: Boris Pistorius (in person)');
  });

  it('sums pledges by nation and by nation and area in the reporting currency', () => {
    expect(text).toContain('In total EUR 40,000,000.00 (4 pledges, 1 without a value), in EUR.');
    expect(text).toContain('- Germany: EUR 25,000,000.00 (1 pledge)');
    expect(text).toContain('- United Kingdom: EUR 15,000,000.00 (3 pledges, 1 without a value)');
    expect(text).toContain('- United Kingdom, Air defence: EUR 15,000,000.00 (2 pledges)');
    expect(text).toContain('- United Kingdom, Artillery: EUR 0.00 (1 pledge, 1 without a value)');
  });

  it('lists outcomes under their agenda item and the rest under General, then action items', () => {
    const outcomes = text.slice(text.indexOf('## Outcomes'));
    expect(outcomes).toMatch(/### 1\. Air defence\n\n- Decision: Deliver two more systems/);
    expect(outcomes).toMatch(/### General\n\n- Next meeting in April/);
    expect(text).toContain('- Report deliveries (Germany, due 2027-03-01; open)');
    expect(text).toContain("Ahead of NATO defence ministers' meeting.");
  });
});

describe('meeting documents', () => {
  const hostile = {
    title: 'UDCG-33 <summary>',
    marking: 'RESTRICTED REL TO GBR, UKR',
    draft: true,
    blocks: parseBlocks(
      '# <script>alert(1)</script>\n\n- a & b "quoted" \'single\'\n\nplain <b>text</b>',
    ),
    footer: 'Draft version 2',
  };

  it('escapes every piece of text in HTML and prints the marking top and bottom', () => {
    const html = renderDocumentHtml(hostile);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(html).toContain('<li>a &amp; b &quot;quoted&quot; &#39;single&#39;</li>');
    expect(html).toContain('<title>UDCG-33 &lt;summary&gt;</title>');
    expect(html.match(/RESTRICTED REL TO GBR, UKR · DRAFT/g)).toHaveLength(2);
  });

  it('writes a PDF brief whose pages show the text and the marking', async () => {
    const pdf = await renderDocumentPdf({
      ...hostile,
      blocks: parseBlocks(composeSummary(record)),
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    expect(text).toContain('United Kingdom, Air defence: EUR 15,000,000.00 (2 pledges)');
    expect(text).toContain('RESTRICTED REL TO GBR, UKR · DRAFT · 1/1');
    // The embedded font prints Ukrainian names as written, and a reader maps them back to text.
    const cyrillic = await pdfText(
      await renderDocumentPdf({ ...hostile, blocks: parseBlocks('Рустем Умєров, Kyiv') }),
    );
    expect(cyrillic).toContain('Рустем Умєров, Kyiv');
  });
});
