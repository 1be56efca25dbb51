import { Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FigureCitation } from '../../../core/spending/spending.schema';
import { useLocale } from '../use-locale';
import { formatDecimal } from './format';

/** The estimate flag, NATO's "e": short on screen, spelled out to assistive technology. */
export function EstimateFlag({ estimate }: { estimate: boolean }) {
  const { t } = useTranslation();
  if (!estimate) return null;
  return (
    <>
      {' '}
      <abbr title={t('spending.estimate')} aria-hidden="true">
        {t('spending.estimateShort')}
      </abbr>
      <span className="visually-hidden">({t('spending.estimate')})</span>
    </>
  );
}

/** What a hover over a figure says: the year, the release it comes from, its source, the flag. */
export function useFigureNote() {
  const { t } = useTranslation();
  return (figure: FigureCitation) =>
    [
      t('spending.figureNote', { year: figure.year, release: figure.release.name }),
      figure.source.title ?? figure.source.url ?? t('source.none'),
      figure.estimate ? t('spending.estimate') : t('spending.final'),
    ].join(' · ');
}

/**
 * A share of GDP as published, with its estimate flag; a hover shows its release and source (the
 * table beside it shows the same in its own columns, for keyboards and screen readers).
 */
export function FigureValue({ figure }: { figure: FigureCitation | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const note = useFigureNote();
  if (!figure) return <>—</>;
  return (
    <Tooltip label={note(figure)} multiline w={320} withArrow>
      <span data-testid="figure-value">
        {t('spending.pct', { value: formatDecimal(figure.pctGdp, locale) })}
        <EstimateFlag estimate={figure.estimate} />
      </span>
    </Tooltip>
  );
}

/** Percentage points, signed ('+0.16 pp'), or a dash. */
export function Points({ value }: { value: string | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (value === null) return <>—</>;
  return <>{t('spending.pp', { value: formatDecimal(value, locale, true) })}</>;
}
