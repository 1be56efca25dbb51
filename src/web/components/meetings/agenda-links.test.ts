import { describe, expect, it } from 'vitest';
import type { AgendaLink } from '../../../core/meetings/agenda.schema';
import { ApiError } from '../../api/client';
import { refusalsOf, sameLinks, targetAlone, targetInPage } from './agenda-links';

const patriots: AgendaLink = { kind: 'requirement', ref: 'r-1' };
const airDefence: AgendaLink = { kind: 'capability_area', ref: 'air-defence' };
const plan: AgendaLink = { kind: 'initiative', ref: 'i-1' };

const answered = <T>(data: T) => ({ data, isError: false, error: null });
const failed = (status: number) => ({
  data: undefined,
  isError: true,
  error: new ApiError(status, { error: 'x', message: 'x', issues: [] }),
});
const named = (r: { id: string }) => ({ name: `name of ${r.id}`, href: `/x/${r.id}` });

describe('agenda links', () => {
  it('takes the same links in another order as no change, and a swapped link as one', () => {
    expect(sameLinks([patriots, plan], [plan, patriots])).toBe(true);
    expect(sameLinks([patriots, plan], [patriots, airDefence])).toBe(false);
    expect(sameLinks([patriots], [patriots, plan])).toBe(false);
    expect(sameLinks([], [])).toBe(true);
  });

  it('names a record found in the list', () => {
    const page = answered({ items: [{ id: 'r-1' }], total: 1 });
    expect(targetInPage(page, 'r-1', named)).toEqual({
      state: 'found',
      name: 'name of r-1',
      href: '/x/r-1',
    });
  });

  it('tells nothing of a record missing from a complete list: the viewer may not read it', () => {
    const page = answered({ items: [{ id: 'r-1' }], total: 1 });
    expect(targetInPage(page, 'r-2', named)).toEqual({ state: 'unreadable' });
  });

  it('asks for a record missing from a list cut short, which may lie beyond it', () => {
    const page = answered({ items: [{ id: 'r-1' }], total: 501 });
    expect(targetInPage(page, 'r-2', named)).toEqual({ state: 'unlisted' });
  });

  it('waits for a list still loading, and says so of one that failed', () => {
    const loading = { data: undefined, isError: false, error: null };
    expect(targetInPage(loading, 'r-1', named)).toEqual({ state: 'pending' });
    expect(targetInPage(failed(500), 'r-1', named)).toEqual({ state: 'failed' });
  });

  it('reads a 404 for a record asked for alone as not releasable, a 500 as a failure', () => {
    expect(targetAlone(failed(404), named)).toEqual({ state: 'unreadable' });
    expect(targetAlone(failed(400), named)).toEqual({ state: 'unreadable' });
    expect(targetAlone(failed(503), named)).toEqual({ state: 'failed' });
    expect(targetAlone(answered({ id: 'i-1' }), named)).toMatchObject({ state: 'found' });
  });

  it('ties a refusal of links.N to the Nth link sent, and keeps other paths apart', () => {
    const error = new ApiError(400, {
      error: 'invalid',
      message: 'invalid',
      issues: [
        { path: 'body.links.1.ref', message: 'is not a requirement of UDCG' },
        { path: 'body.links', message: 'too many' },
        { path: 'body.links.7.ref', message: 'beyond what was sent' },
        { path: 'body.linksNote', message: 'another field' },
        { path: 'body.title', message: 'is required' },
      ],
    });
    const refusals = refusalsOf(error, [airDefence, patriots]);
    expect([...refusals.byLink]).toEqual([['requirement|r-1', 'is not a requirement of UDCG']]);
    expect(refusals.general).toEqual(['too many', 'beyond what was sent']);
    expect(refusalsOf(null, [patriots]).byLink.size).toBe(0);
  });
});
