import { useCallback, useMemo } from 'react';
import { useNations } from '../api/queries';
import { nationName } from '../i18n/format';
import { useLocale } from './use-locale';

/**
 * Every nation, and a function naming one by its alpha-3 code in the viewer's language (the code
 * itself until the list has loaded, or for a code the list lacks).
 */
export function useNationNames() {
  const locale = useLocale();
  const nations = useNations({ limit: 500 });
  const byCode = useMemo(
    () => new Map((nations.data?.items ?? []).map((n) => [n.code, n])),
    [nations.data],
  );
  const nameOf = useCallback(
    (code: string) => {
      const nation = byCode.get(code);
      return nation ? nationName(nation, locale) : code;
    },
    [byCode, locale],
  );
  return { nations: nations.data?.items ?? [], nameOf };
}
