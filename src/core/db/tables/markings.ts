/**
 * The columns of every record that carries a releasability marking. `rel_to` holds the REL TO nations
 * as `,GBR,UKR,` (sorted, with a comma at each end) so that one LIKE test finds a nation on either
 * database; it is null unless the marking is RESTRICTED.
 */
export interface MarkingColumns {
  /** PUBLIC, GROUP or RESTRICTED. */
  marking: string;
  rel_to: string | null;
  group_id: string | null;
}
