import { formatMoney } from '../money';

/**
 * The plain-text form of minutes and summaries, and the summary drafted from a meeting's record. Pure:
 * the HTML and PDF renderers read the blocks, the service feeds the record in.
 */

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'paragraph'; text: string };

/** `# `, `## `, `### ` headings; `- ` list items; other lines join into paragraphs up to a blank line. */
export function parseBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    if (list.length > 0) blocks.push({ kind: 'list', items: list });
    paragraph = [];
    list = [];
  };
  for (const raw of body.replaceAll('\r\n', '\n').split('\n')) {
    const line = raw.trim();
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    if (line === '') flush();
    else if (heading) {
      flush();
      const level = (heading[1] ?? '#').length as 1 | 2 | 3;
      blocks.push({ kind: 'heading', level, text: heading[2] ?? '' });
    } else if (line.startsWith('- ')) {
      if (paragraph.length > 0) flush();
      list.push(line.slice(2).trim());
    } else {
      if (list.length > 0) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

/** EUR 1234567.5 as `EUR 1,234,567.50`: grouped for reading, exact (integer minor units). */
export function displayMoney(minor: number | bigint, currency: string): string {
  const text = formatMoney({ minor: BigInt(minor), currency });
  const negative = text.startsWith('-');
  const [whole = '0', fraction] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${currency} ${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

export interface SummaryRecord {
  code: string;
  groupName: string;
  date: string;
  startTime: string | null;
  timeZone: string;
  venue: string | null;
  format: string | null;
  level: string | null;
  chair: string;
  coChair: string | null;
  events: readonly { name: string; relation: string }[];
  invited: number;
  attendance: readonly { nation: string; mode: string; headOfDelegation: string | null }[];
  reportingCurrency: string;
  pledges: readonly { donor: string; area: string; reportingMinor: number | null }[];
  /** Pledges announced at the meeting whose marking is narrower than the summary's: not listed. */
  withheldPledges: number;
  agenda: readonly { id: string; position: number; title: string }[];
  outcomes: readonly { agendaItemId: string | null; kind: string; text: string }[];
  actionItems: readonly { title: string; owner: string; dueOn: string | null; status: string }[];
}

const relationWords: Record<string, string> = {
  same: 'held as',
  ahead_of: 'ahead of',
  alongside: 'alongside',
  after: 'after',
};
const words = (value: string | null) => (value === null ? null : value.replaceAll('_', ' '));

interface Sum {
  count: number;
  valued: number;
  minor: bigint;
}
const add = (sum: Sum | undefined, minor: number | null): Sum => ({
  count: (sum?.count ?? 0) + 1,
  valued: (sum?.valued ?? 0) + (minor === null ? 0 : 1),
  minor: (sum?.minor ?? 0n) + BigInt(minor ?? 0),
});

/** What a sum of pledges reads as: `EUR 1,000.00 (3 pledges, 1 without a value)`. */
function describeSum(sum: Sum, currency: string): string {
  const unvalued = sum.count - sum.valued;
  const count = `${sum.count} pledge${sum.count === 1 ? '' : 's'}`;
  return `${displayMoney(sum.minor, currency)} (${count}${unvalued > 0 ? `, ${unvalued} without a value` : ''})`;
}

/**
 * The summary drafted from the record: attendance, pledges by nation and by nation and area in the
 * reporting currency, outcomes per agenda item, action items. The secretariat edits it before it is
 * published.
 */
export function composeSummary(record: SummaryRecord): string {
  const lines: string[] = [];
  const when = [record.date, record.startTime, record.timeZone].filter(Boolean).join(' ');
  const where = [record.venue, words(record.format)].filter(Boolean).join(', ');
  lines.push(`# ${record.code}: ${record.groupName}`, '');
  lines.push(`${when}${where ? `, ${where}` : ''}.`);
  lines.push(
    `Chaired by ${record.chair}${record.coChair ? ` with ${record.coChair}` : ''}${record.level ? `, at the level of ${words(record.level)}` : ''}.`,
  );
  for (const event of record.events)
    lines.push(
      `${(relationWords[event.relation] ?? event.relation).replace(/^./, (c) => c.toUpperCase())} ${event.name}.`,
    );
  lines.push('');

  const inPerson = record.attendance.filter((a) => a.mode === 'in_person').length;
  lines.push('## Attendance', '');
  lines.push(
    `${record.attendance.length} nation${record.attendance.length === 1 ? '' : 's'} attended (${inPerson} in person, ${record.attendance.length - inPerson} virtually) of ${record.invited} invited.`,
    '',
  );
  for (const a of record.attendance)
    lines.push(
      `- ${a.nation}${a.headOfDelegation ? `: ${a.headOfDelegation}` : ''} (${words(a.mode)})`,
    );
  lines.push('');

  const currency = record.reportingCurrency;
  const total = record.pledges.reduce<Sum | undefined>(
    (s, p) => add(s, p.reportingMinor),
    undefined,
  );
  lines.push('## Pledges announced', '');
  if (!total) lines.push('No pledge was announced at the meeting.');
  else {
    lines.push(
      `In total ${describeSum(total, currency)}, in ${currency}.`,
      '',
      '### By nation',
      '',
    );
    const byNation = new Map<string, Sum>();
    const byArea = new Map<string, Sum>();
    for (const p of record.pledges) {
      byNation.set(p.donor, add(byNation.get(p.donor), p.reportingMinor));
      const key = `${p.donor}\u0000${p.area}`;
      byArea.set(key, add(byArea.get(key), p.reportingMinor));
    }
    for (const [nation, sum] of [...byNation].sort(([a], [b]) => a.localeCompare(b)))
      lines.push(`- ${nation}: ${describeSum(sum, currency)}`);
    lines.push('', '### By nation and capability area', '');
    for (const [key, sum] of [...byArea].sort(([a], [b]) => a.localeCompare(b))) {
      const [nation, area] = key.split('\u0000');
      lines.push(`- ${nation}, ${area}: ${describeSum(sum, currency)}`);
    }
  }
  if (record.withheldPledges > 0)
    lines.push(
      '',
      `${record.withheldPledges} further pledge(s) carry a narrower marking than this summary and are not listed.`,
    );
  lines.push('');

  lines.push('## Outcomes and decisions', '');
  if (record.outcomes.length === 0) lines.push('No outcome was recorded.', '');
  const sections = [
    ...record.agenda.map((item) => ({
      id: item.id,
      title: `${item.position}. ${item.title}`,
    })),
    { id: null, title: 'General' },
  ];
  for (const section of sections) {
    const own = record.outcomes.filter((o) => o.agendaItemId === section.id);
    if (own.length === 0) continue;
    lines.push(`### ${section.title}`, '');
    for (const o of own)
      lines.push(`- ${o.kind === 'decision' ? 'Decision: ' : ''}${o.text.replaceAll('\n', ' ')}`);
    lines.push('');
  }

  lines.push('## Action items', '');
  if (record.actionItems.length === 0) lines.push('No action item was raised.');
  for (const a of record.actionItems)
    lines.push(`- ${a.title} (${a.owner}${a.dueOn ? `, due ${a.dueOn}` : ''}; ${words(a.status)})`);
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
