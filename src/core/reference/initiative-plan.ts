import type { ErrorIssue } from '../errors';
import type { InitiativeKind, Stance } from '../initiatives/initiative.schema';
import type { EventPlan } from './reference-plan';

/**
 * The reference initiatives, seeded from events_2025.csv. Every text below cites the event row and
 * column that states it, and the seed refuses to load if that row does not say so: nothing is seeded
 * that the reference data does not state. In particular a party's position is seeded only where a row
 * states it; every other party has "no position stated" simply by having none on record.
 */

/** Words an events_2025.csv row must contain (case-insensitive) for the claim to be seeded. */
interface Quote {
  event: string;
  column: 'event' | 'note' | 'actors';
  says: string;
}

interface Stated<T> {
  value: T;
  /** The first quote's row is the source of the seeded record. */
  from: readonly Quote[];
}

interface ReferenceInitiative {
  ref: string;
  title: Stated<string>;
  kind: InitiativeKind;
  proposer: Stated<string>;
  proposerDetail: Stated<string>;
  summary: Stated<string>;
  elements: readonly Stated<string>[];
  raisedAt: readonly (Stated<string> & { event: string; raisedOn: string })[];
  positions: readonly (Stated<{ party: string; stance: Stance; statement: string }> & {
    statedOn: string;
  })[];
}

const mscPanel: Quote = {
  event: 'MSC_2025',
  column: 'note',
  says: 'Kellogg panel "Peace Through Strength: A Plan for Ukraine" 16 Feb',
};

/** The February 2025 US plan for Ukraine, as presented by the US special envoy in Munich. */
export const referenceInitiatives: readonly ReferenceInitiative[] = [
  {
    ref: 'US_PLAN_2025_02',
    title: { value: 'Peace Through Strength: A Plan for Ukraine', from: [mscPanel] },
    kind: 'peace_plan',
    proposer: {
      value: 'USA',
      from: [{ event: 'KELLOGG_APPOINTED', column: 'event', says: 'Trump formally appoints' }],
    },
    proposerDetail: {
      value: 'Keith Kellogg, US special envoy for Ukraine and Russia',
      from: [
        { event: 'KELLOGG_APPOINTED', column: 'actors', says: 'Keith Kellogg' },
        {
          event: 'KELLOGG_APPOINTED',
          column: 'event',
          says: 'Kellogg special envoy for Ukraine and Russia',
        },
      ],
    },
    summary: {
      value:
        'The US plan for Ukraine that the US special envoy Keith Kellogg presented on a panel at the ' +
        'Munich Security Conference on 16 February 2025. As reported when he was named envoy: freeze ' +
        'the front lines and push negotiations.',
      from: [
        mscPanel,
        { event: 'KELLOGG_NAMED', column: 'note', says: 'Kellogg plan: freeze front lines' },
      ],
    },
    elements: [
      {
        value: 'Freeze the front lines',
        from: [{ event: 'KELLOGG_NAMED', column: 'note', says: 'freeze front lines' }],
      },
      {
        value: 'Push negotiations',
        from: [{ event: 'KELLOGG_NAMED', column: 'note', says: 'push negotiations' }],
      },
    ],
    raisedAt: [
      {
        event: 'MSC_2025',
        raisedOn: '2025-02-16',
        value: 'Panel of the US special envoy, 16 February',
        from: [mscPanel],
      },
    ],
    positions: [
      {
        statedOn: '2025-02-16',
        value: {
          party: 'USA',
          stance: 'supports',
          statement:
            'Presented by the US special envoy Keith Kellogg at the Munich Security Conference',
        },
        from: [mscPanel, { event: 'MSC_2025', column: 'actors', says: 'Keith Kellogg' }],
      },
    ],
  },
];

interface Sourced {
  source_url: string;
  source_title: string;
  confidence: string;
}

export interface InitiativePlan extends Sourced {
  ref: string;
  title: string;
  kind: InitiativeKind;
  proposerCode: string;
  proposerDetail: string;
  summary: string;
  elements: (Sourced & { text: string })[];
  raisedAt: (Sourced & { eventRef: string; raisedOn: string; note: string })[];
  positions: (Sourced & { party: string; stance: Stance; statedOn: string; statement: string })[];
}

/**
 * Checks each reference initiative against the events it cites and returns what to load, or the
 * problems (an event that is missing, or a row that does not say what is claimed).
 */
export function planInitiatives(
  events: readonly EventPlan[],
  file: string,
  initiatives: readonly ReferenceInitiative[] = referenceInitiatives,
): { initiatives: InitiativePlan[]; problems: ErrorIssue[] } {
  const byRef = new Map(events.map((e) => [e.ref, e]));
  const problems: ErrorIssue[] = [];
  const sourceOf = (stated: Stated<unknown>, what: string): Sourced => {
    for (const quote of stated.from) {
      const event = byRef.get(quote.event);
      const text = event?.[quote.column === 'event' ? 'name' : quote.column] ?? '';
      if (!event) {
        problems.push({ path: file, message: `${what}: event ${quote.event} is not in the file` });
      } else if (!text.toLowerCase().includes(quote.says.toLowerCase())) {
        problems.push({
          path: `${file}: ${quote.event}`,
          message: `${quote.column}: does not say "${quote.says}" (needed for ${what})`,
        });
      }
    }
    const first = byRef.get(stated.from[0]?.event ?? '');
    return {
      source_url: first?.source_url ?? '',
      source_title: first?.source_title ?? '',
      confidence: first?.confidence ?? '',
    };
  };

  // A dated claim must fall within the days of the event that states it.
  const checkDay = (day: string, eventRef: string, what: string) => {
    const event = byRef.get(eventRef);
    if (event && (day < event.startsOn || day > event.endsOn)) {
      problems.push({
        path: `${file}: ${eventRef}`,
        message: `${what}: ${day} is not within ${event.startsOn} to ${event.endsOn}`,
      });
    }
  };

  const plans = initiatives.map((initiative): InitiativePlan => {
    const what = (field: string) => `initiative ${initiative.ref}: ${field}`;
    sourceOf(initiative.proposer, what('proposer'));
    sourceOf(initiative.proposerDetail, what('proposer detail'));
    sourceOf(initiative.summary, what('summary'));
    return {
      ref: initiative.ref,
      title: initiative.title.value,
      kind: initiative.kind,
      proposerCode: initiative.proposer.value,
      proposerDetail: initiative.proposerDetail.value,
      summary: initiative.summary.value,
      ...sourceOf(initiative.title, what('title')),
      elements: initiative.elements.map((element, i) => ({
        text: element.value,
        ...sourceOf(element, what(`element ${i + 1}`)),
      })),
      raisedAt: initiative.raisedAt.map((raising) => {
        checkDay(raising.raisedOn, raising.event, what(`raised at ${raising.event}`));
        return {
          eventRef: raising.event,
          raisedOn: raising.raisedOn,
          note: raising.value,
          ...sourceOf(raising, what(`raised at ${raising.event}`)),
        };
      }),
      positions: initiative.positions.map((position) => {
        const label = what(`position of ${position.value.party}`);
        checkDay(position.statedOn, position.from[0]?.event ?? '', label);
        return { ...position.value, statedOn: position.statedOn, ...sourceOf(position, label) };
      }),
    };
  });
  return { initiatives: plans, problems };
}
