import { describe, expect, it } from 'vitest';
import { anonymousViewer, type Viewer } from './accounts/viewer';
import { isNarrowing, isReleasableTo, markingColumns, toMarking } from './markings';

const viewer = (nationCode: string, groupIds: string[] = ['udcg']): Viewer => ({
  ...anonymousViewer,
  userId: 'u',
  username: 'u',
  nationCode,
  roles: ['viewer'],
  groupIds,
  via: 'session',
});

describe('markingColumns', () => {
  it('always puts the originating nation in REL TO, sorted and without repeats', () => {
    expect(
      markingColumns({ classification: 'RESTRICTED', relTo: ['UKR', 'POL', 'UKR'] }, 'GBR'),
    ).toEqual({
      marking: 'RESTRICTED',
      rel_to: ',GBR,POL,UKR,',
    });
    expect(markingColumns({ classification: 'RESTRICTED' }, 'GBR')).toEqual({
      marking: 'RESTRICTED',
      rel_to: ',GBR,',
    });
    expect(markingColumns({ classification: 'GROUP', relTo: ['UKR'] }, 'GBR')).toEqual({
      marking: 'GROUP',
      rel_to: null,
    });
  });

  it('reads back as the banner text', () => {
    expect(toMarking({ marking: 'RESTRICTED', rel_to: ',GBR,UKR,' }).label).toBe(
      'RESTRICTED REL TO GBR, UKR',
    );
    expect(toMarking({ marking: 'GROUP', rel_to: null })).toEqual({
      classification: 'GROUP',
      relTo: [],
      label: 'GROUP',
    });
  });
});

describe('isReleasableTo', () => {
  const restricted = { marking: 'RESTRICTED', rel_to: ',GBR,UKR,', group_id: 'udcg' };
  const group = { marking: 'GROUP', rel_to: null, group_id: 'udcg' };

  it('releases RESTRICTED only to the listed nations, and never by a prefix of a code', () => {
    expect(isReleasableTo(viewer('UKR'), restricted)).toBe(true);
    expect(isReleasableTo(viewer('USA'), restricted)).toBe(false);
    expect(isReleasableTo(viewer('GB'), restricted)).toBe(false);
  });

  it('releases GROUP to the nations of that group only, and PUBLIC to anyone', () => {
    expect(isReleasableTo(viewer('USA'), group)).toBe(true);
    expect(isReleasableTo(viewer('BRA', []), group)).toBe(false);
    expect(isReleasableTo(viewer('USA', ['other']), group)).toBe(false);
    expect(isReleasableTo(anonymousViewer, group)).toBe(false);
    expect(
      isReleasableTo(anonymousViewer, { marking: 'PUBLIC', rel_to: null, group_id: 'udcg' }),
    ).toBe(true);
  });

  it('releases nothing with an unknown marking', () => {
    expect(
      isReleasableTo(viewer('GBR'), { marking: 'SECRET', rel_to: ',GBR,', group_id: 'udcg' }),
    ).toBe(false);
  });
});

describe('isNarrowing', () => {
  const m = (marking: string, relTo = '') => toMarking({ marking, rel_to: relTo || null });
  it('knows PUBLIC > GROUP > RESTRICTED, and dropping a nation from REL TO narrows', () => {
    expect(isNarrowing(m('PUBLIC'), m('GROUP'))).toBe(true);
    expect(isNarrowing(m('GROUP'), m('RESTRICTED', ',GBR,'))).toBe(true);
    expect(isNarrowing(m('RESTRICTED', ',GBR,UKR,'), m('RESTRICTED', ',GBR,'))).toBe(true);
    expect(isNarrowing(m('RESTRICTED', ',GBR,'), m('RESTRICTED', ',GBR,UKR,'))).toBe(false);
    expect(isNarrowing(m('RESTRICTED', ',GBR,'), m('GROUP'))).toBe(false);
    expect(isNarrowing(m('GROUP'), m('GROUP'))).toBe(false);
  });
});
