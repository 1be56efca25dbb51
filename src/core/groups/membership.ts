/** How a nation takes part in a group. The recipient is the nation the group supports (UKR for the UDCG). */
export type MembershipRole = 'member' | 'observer' | 'recipient';

const roles: readonly MembershipRole[] = ['member', 'observer', 'recipient'];

export function parseMembershipRole(value: string): MembershipRole {
  const role = roles.find((r) => r === value);
  if (!role) throw new Error(`Unknown membership role in the database: ${value}`);
  return role;
}
