import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../core/accounts/account.service';
import { systemActor } from '../../core/audit/audit.service';
import { databaseKinds, postgresAvailable } from '../../core/db/testing/test-database';
import { startTestApp, type TestApp } from '../test/test-app';

/** A port that is free now, so the provider and the app can be told each other's address up front. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Cookies per host, as a browser keeps them across the redirects of a sign-in. */
class Browser {
  private jar = new Map<string, Map<string, string>>();

  async get(url: string, init: RequestInit = {}): Promise<Response> {
    const host = new URL(url).host;
    const cookies = [...(this.jar.get(host) ?? new Map<string, string>())]
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        ...(cookies ? { cookie: cookies } : {}),
      },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      const jar = this.jar.get(host) ?? new Map<string, string>();
      jar.set(name?.trim() ?? '', value.join('='));
      this.jar.set(host, jar);
    }
    return response;
  }

  /** Follows redirects and the provider's login and consent forms until it leaves the provider. */
  async signIn(startUrl: string, providerOrigin: string, login: string): Promise<Response> {
    let response = await this.get(startUrl);
    for (let hop = 0; hop < 20; hop += 1) {
      const location = response.headers.get('location');
      if (location) {
        const next = new URL(location, response.url || startUrl).href;
        if (!next.startsWith(providerOrigin)) return this.get(next);
        response = await this.get(next);
        continue;
      }
      const html = await response.text();
      const action = /action="([^"]+)"/.exec(html)?.[1];
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
      if (!action || !prompt)
        throw new Error(`unexpected page from the provider: ${html.slice(0, 300)}`);
      const form = new URLSearchParams({
        prompt,
        ...(prompt === 'login' ? { login, password: 'any' } : {}),
      });
      response = await this.get(new URL(action, providerOrigin).href, {
        method: 'POST',
        body: form,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    }
    throw new Error('too many redirects');
  }
}

for (const kind of databaseKinds) {
  const run = kind === 'postgres' && !postgresAvailable() ? describe.skip : describe;
  run(`sign in with your ministry (OpenID Connect) [${kind}]`, () => {
    let provider: Server;
    let ctx: TestApp;
    let stop: () => Promise<void>;
    let appOrigin: string;
    let providerOrigin: string;

    beforeAll(async () => {
      const [providerPort, appPort] = [await freePort(), await freePort()];
      providerOrigin = `http://127.0.0.1:${providerPort}`;
      appOrigin = `http://127.0.0.1:${appPort}`;
      const oidc = new Provider(providerOrigin, {
        clients: [
          {
            client_id: 'ramstein',
            client_secret: 'a-client-secret-for-tests',
            redirect_uris: [`${appOrigin}/api/v1/auth/oidc/callback`],
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
        claims: {
          openid: ['sub'],
          email: ['email', 'email_verified'],
          profile: ['name', 'preferred_username', 'nation'],
        },
        findAccount: (_ctx, sub) => ({
          accountId: sub,
          claims: () => ({
            sub,
            email: `${sub}@mod.example`,
            email_verified: true,
            name: `Officer ${sub}`,
            preferred_username: sub,
            nation: sub.startsWith('pl') ? 'POL' : 'GBR',
          }),
        }),
        pkce: { required: () => true },
      });
      provider = oidc.listen(providerPort);
      const started = await startTestApp(kind, {
        env: {
          OIDC_ISSUER: providerOrigin,
          OIDC_CLIENT_ID: 'ramstein',
          OIDC_CLIENT_SECRET: 'a-client-secret-for-tests',
          OIDC_REDIRECT_URL: `${appOrigin}/api/v1/auth/oidc/callback`,
          OIDC_ALLOW_HTTP: 'true',
          OIDC_AUTO_CREATE: 'false',
        },
      });
      ctx = started.testApp;
      stop = started.stop;
      await ctx.app.listen({ port: appPort, host: '127.0.0.1' });
      await ctx.connection.db.transaction().execute((trx) =>
        addUser(trx, systemActor, {
          username: 'officer',
          displayName: 'Officer',
          email: 'alice@mod.example',
          nation: 'GBR',
          roles: ['coordinator'],
          password: 'a long test passphrase for the contact group',
        }),
      );
    });

    afterAll(async () => {
      await stop();
      await new Promise((resolve) => provider.close(resolve));
    });

    it('says OIDC is configured, so the sign-in page offers it', async () => {
      const config = (await (await fetch(`${appOrigin}/api/v1/auth/config`)).json()) as {
        oidc: boolean;
      };
      expect(config.oidc).toBe(true);
    });

    it('links an account by verified e-mail on first sign-in, then by subject, and opens a session', async () => {
      for (let round = 1; round <= 2; round += 1) {
        const browser = new Browser();
        const back = await browser.signIn(
          `${appOrigin}/api/v1/auth/oidc/start?returnTo=/meetings`,
          providerOrigin,
          'alice',
        );
        expect(back.status).toBe(302);
        expect(back.headers.get('location')).toBe('/meetings');
        const session = await browser.get(`${appOrigin}/api/v1/auth/session`);
        expect(session.status).toBe(200);
        expect(await session.json()).toMatchObject({
          user: { username: 'officer', nation: { code: 'GBR' }, signsInWith: ['password', 'oidc'] },
        });
      }
      const audit = await ctx.connection.db
        .selectFrom('audit_entries')
        .select('action')
        .where('action', 'in', ['user.oidc_linked', 'auth.sign_in'])
        .execute();
      expect(audit.filter((a) => a.action === 'user.oidc_linked')).toHaveLength(1);
    });

    it('refuses a person with no account and never returns to a foreign site', async () => {
      const browser = new Browser();
      const back = await browser.signIn(
        `${appOrigin}/api/v1/auth/oidc/start?returnTo=https://evil.example/`,
        providerOrigin,
        'stranger',
      );
      expect(back.headers.get('location')).toBe('/sign-in?error=no_account');
    });

    it('refuses a callback with an unknown or replayed state', async () => {
      const response = await fetch(`${appOrigin}/api/v1/auth/oidc/callback?code=x&state=forged`, {
        redirect: 'manual',
      });
      expect(response.headers.get('location')).toBe('/sign-in?error=oidc_expired');
    });
  });
}
