import { expect, it } from 'vitest';
import { errorSchema } from '../core/common.schema';
import { describeApiOnEachDatabase } from './test/test-app';

describeApiOnEachDatabase('the HTTP surface', (ctx) => {
  const get = (url: string) => ctx().app.inject({ method: 'GET', url });

  it('reports liveness and readiness, naming the database', async () => {
    expect((await get('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await get('/readyz')).json()).toEqual({ status: 'ready', database: ctx().kind });
  });

  it('publishes OpenAPI 3.1 generated from the schemas, and browsable docs', async () => {
    const spec = (await get('/api/openapi.json')).json<{
      openapi: string;
      paths: Record<string, unknown>;
    }>();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/groups',
        '/api/v1/groups/{slug}',
        '/api/v1/groups/{slug}/members',
        '/api/v1/groups/{slug}/chair',
        '/api/v1/groups/{slug}/meetings',
        '/api/v1/groups/{slug}/meetings/{number}',
        '/api/v1/meetings/{id}',
        '/api/v1/nations',
        '/api/v1/nations/{code}',
        '/api/v1/events',
        '/api/v1/events/{id}',
      ]),
    );
    const docs = await get('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
  });

  it('answers an unknown route with a JSON 404, for any method', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/nope'],
      ['GET', '/api/v2/groups'],
      ['POST', '/api/v1/groups'],
      ['DELETE', '/api/v1/groups/udcg'],
    ] as const) {
      const response = await ctx().app.inject({ method, url });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(errorSchema.parse(response.json()).error).toBe('not_found');
    }
  });

  // Every kind of malformed request we could think of: each gets a 4xx whose body names the field.
  const malformed: [url: string, field: string][] = [
    ['/api/v1/groups/udcg/meetings?status=bogus', 'query.status'],
    ['/api/v1/groups/udcg/meetings?status=', 'query.status'],
    ['/api/v1/groups/udcg/meetings?from=2025-02-30', 'query.from'],
    ['/api/v1/groups/udcg/meetings?from=12/02/2025', 'query.from'],
    ['/api/v1/groups/udcg/meetings?to=yesterday', 'query.to'],
    ['/api/v1/groups/udcg/meetings?from=2025-03-01&to=2025-02-01', 'query.to'],
    ['/api/v1/groups/udcg/meetings?number=abc', 'query.number'],
    ['/api/v1/groups/udcg/meetings?number=0', 'query.number'],
    ['/api/v1/groups/udcg/meetings?number=2.5', 'query.number'],
    ['/api/v1/groups/udcg/meetings?sort=venue', 'query.sort'],
    ['/api/v1/groups/udcg/meetings?limit=0', 'query.limit'],
    ['/api/v1/groups/udcg/meetings?limit=100000', 'query.limit'],
    ['/api/v1/groups/udcg/meetings?limit=ten', 'query.limit'],
    ['/api/v1/groups/udcg/meetings?limit=1&limit=2', 'query.limit'],
    ['/api/v1/groups/udcg/meetings?offset=-1', 'query.offset'],
    ['/api/v1/groups/udcg/meetings?colour=red', 'query'],
    ['/api/v1/groups/udcg/meetings/abc', 'params.number'],
    ['/api/v1/groups/udcg/meetings/-3', 'params.number'],
    ['/api/v1/groups/UDCG', 'params.slug'],
    ['/api/v1/groups/udcg%20x/chair', 'params.slug'],
    ['/api/v1/groups/udcg/members?role=chair', 'query.role'],
    ['/api/v1/groups/udcg/members?on=2025-13-01', 'query.on'],
    ['/api/v1/meetings/26', 'params.id'],
    ['/api/v1/meetings/not-a-uuid', 'params.id'],
    ['/api/v1/nations/gbr', 'params.code'],
    ['/api/v1/nations/GB', 'params.code'],
    ['/api/v1/nations/GBRR', 'params.code'],
    [`/api/v1/nations?q=${'x'.repeat(101)}`, 'query.q'],
    ['/api/v1/nations?kind=country', 'query.kind'],
    ['/api/v1/nations?group=Not%20A%20Slug', 'query.group'],
    ['/api/v1/events?kind=party', 'query.kind'],
    ['/api/v1/events?from=2025-06-01&to=2025-01-01', 'query.to'],
    ['/api/v1/events/123', 'params.id'],
  ];

  it.each(malformed)('refuses %s naming %s', async (url, field) => {
    const response = await get(url);
    expect(response.statusCode).toBe(400);
    const body = errorSchema.parse(response.json());
    expect(body.error).toBe('invalid');
    expect(body.issues.length).toBeGreaterThan(0);
    expect(
      body.issues.map((i) => i.path).some((p) => p === field || p.startsWith(`${field}.`)),
    ).toBe(true);
    expect(body.message).toContain(field);
  });

  it('refuses a URL that is not valid percent-encoding with a 400, not a 500', async () => {
    const response = await get('/api/v1/nations/%E0%A4%A');
    expect(response.statusCode).toBe(400);
    expect(errorSchema.parse(response.json()).error).toBe('invalid');
  });

  it('sends security headers', async () => {
    const response = await get('/api/v1/groups');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });
});
