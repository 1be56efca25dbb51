import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password';

describe('passwordProblem', () => {
  const context = { username: 'healey', displayName: 'John Healey' };

  it('accepts a long passphrase without composition rules', () => {
    expect(passwordProblem('correct horse battery staple', context)).toBeNull();
    expect(passwordProblem('всі літери без цифр тут', context)).toBeNull();
  });

  it('refuses short, common, repetitive and self-naming passwords with a reason', () => {
    expect(passwordProblem('Sh0rt!pass', context)).toBe('must be at least 15 characters long');
    expect(passwordProblem('x'.repeat(257), context)).toBe('must be at most 256 characters long');
    expect(passwordProblem('aaaaaaaaaaaaaaaaaaa', context)).toBe(
      'must not repeat a single character',
    );
    expect(passwordProblem('healey-is-my-password', context)).toBe(
      'must not contain the user name',
    );
  });

  it('refuses a password from the shipped common-password list, whatever its case', () => {
    expect(passwordProblem('1qaz2wsx3edc4rfv', context)).toBe(
      'is a commonly used password; choose another',
    );
  });
});

describe('hashPassword', () => {
  it('stores argon2id and verifies only the right password (Unicode normalised)', async () => {
    const stored = await hashPassword('Ｆｕｌｌｗｉｄｔｈ passphrase here');
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored, 'Fullwidth passphrase here')).toBe(true);
    expect(await verifyPassword(stored, 'fullwidth passphrase here')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});
