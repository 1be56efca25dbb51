import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import type { NationRef } from '../../core/common.schema';
import { nationName } from '../i18n/format';
import { useLocale } from './use-locale';

/** A nation's localised name linking to its page, with its code for the unambiguous record. */
export function NationLabel({
  nation,
  showCode = true,
}: {
  nation: NationRef;
  showCode?: boolean;
}) {
  const locale = useLocale();
  return (
    <Anchor component={Link} to={`/nations/${nation.code}`}>
      {nationName(nation, locale)}
      {showCode ? ` (${nation.code})` : ''}
    </Anchor>
  );
}
