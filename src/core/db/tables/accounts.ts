export interface UsersTable {
  id: string;
  /** Lower-case, unique; what a person types to sign in. */
  username: string;
  display_name: string;
  email: string | null;
  nation_code: string;
  /** Comma-separated roles: admin, secretariat, coordinator, recipient, viewer. */
  roles: string;
  /** argon2id (PHC string); null for accounts that sign in only through OpenID Connect. */
  password_hash: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  disabled_at: string | null;
  failed_sign_ins: number;
  locked_until: string | null;
  last_sign_in_at: string | null;
  password_changed_at: string | null;
  /** SHA-256 of the secret in the user's calendar feed URL; null until one is made. */
  calendar_token_hash: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface SessionsTable {
  /** SHA-256 of the cookie secret. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  /** Absolute expiry; the idle limit is checked against last_seen_at. */
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  /** SHA-256 of the token; the token itself is shown once and never stored. */
  token_hash: string;
  /** The first characters, so a person can tell tokens apart. */
  prefix: string;
  /** read or write. */
  scope: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

/** A pending OpenID Connect sign-in, keyed by its state; deleted when it returns or after 10 minutes. */
export interface OidcLoginsTable {
  state: string;
  code_verifier: string;
  nonce: string;
  /** A path in this app to go back to after signing in. */
  return_to: string;
  created_at: string;
}
