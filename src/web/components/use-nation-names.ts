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

/**
 * Select options for the given nations, named in the viewer's language and sorted by that name;
 * `withCode` adds the alpha-3 code, "Poland (POL)", where codes matter to the reader.
 */
export function useNationOptions() {
  const locale = useLocale();
  const { nameOf } = useNationNames();
  return useCallback(
    (nations: readonly { code: string }[], { withCode = true } = {}) =>
      nations
        .map((n) => ({
          value: n.code,
          label: withCode ? `${nameOf(n.code)} (${n.code})` : nameOf(n.code),
        }))
        .sort((a, b) => a.label.localeCompare(b.label, locale)),
    [nameOf, locale],
  );
}
