import type { Db } from '../db/database';

export async function listChairTermRows(db: Db, groupId: string) {
  return db
    .selectFrom('chair_terms')
    .innerJoin('nations as chair', 'chair.code', 'chair_terms.nation_code')
    .leftJoin('nations as co', 'co.code', 'chair_terms.co_chair_code')
    .selectAll('chair_terms')
    .select([
      'chair.name as chair_name',
      'chair.alpha2 as chair_alpha2',
      'co.name as co_chair_name',
      'co.alpha2 as co_chair_alpha2',
    ])
    .where('chair_terms.group_id', '=', groupId)
    .orderBy('chair_terms.starts_on')
    .execute();
}
