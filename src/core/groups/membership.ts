/** How a nation takes part in a group. The recipient is the nation the group supports (UKR for the UDCG). */
export type MembershipRole = 'member' | 'observer' | 'recipient';

const roles: readonly MembershipRole[] = ['member', 'observer', 'recipient'];

export function parseMembershipRole(value: string): MembershipRole {
  const role = roles.find((r) => r === value);
  if (!role) throw new Error(`Unknown membership role in the database: ${value}`);
  return role;
}

/** True when a membership covers the given day; open ends (null) run for ever. */
export function isActiveOn(
  membership: { validFrom: string | null; validTo: string | null },
  day: string,
): boolean {
  return (
    (membership.validFrom === null || membership.validFrom <= day) &&
    (membership.validTo === null || day < membership.validTo)
  );
}
