import { hash, verify } from '@node-rs/argon2';
import languageCommon from '@zxcvbn-ts/language-common';

/**
 * Password rules after NIST SP 800-63B-4 (§3.1.1.2): at least 15 characters for a password used alone,
 * up to 256, any characters (Unicode normalised), no composition rules, and not a known common or
 * breached password nor the account's own name. The list is zxcvbn's 49 000 most common passwords,
 * shipped with the program.
 */
export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 256;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(languageCommon.dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

export const normalisePassword = (password: string): string => password.normalize('NFKC');

/** What is wrong with a proposed password, in words a person can act on; null when it is acceptable. */
export function passwordProblem(
  password: string,
  context: { username: string; displayName?: string },
): string | null {
  const normalised = normalisePassword(password);
  const length = [...normalised].length;
  if (length < PASSWORD_MIN_LENGTH)
    return `must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters long`;
  const lower = normalised.toLowerCase();
  if (commonPasswords().has(lower)) return 'is a commonly used password; choose another';
  if (/^(.)\1+$/u.test(normalised)) return 'must not repeat a single character';
  const names = [context.username, context.displayName ?? '']
    .map((n) => n.toLowerCase())
    .filter((n) => n.length >= 3);
  if (names.some((name) => lower.includes(name))) return 'must not contain the user name';
  return null;
}

// OWASP's argon2id baseline: 19 MiB, two passes, one lane.
const options = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> =>
  hash(normalisePassword(password), options);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, normalisePassword(password));
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/**
 * Spends the same time as a real check when the user does not exist, so the answer's timing does not
 * tell an unknown user from a wrong password.
 */
export async function verifyAgainstNobody(password: string): Promise<false> {
  dummy ??= hashPassword('not a real password, only for timing');
  await verifyPassword(await dummy, password);
  return false;
}
