import { Alert, Anchor, List, Paper, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SpendingProjection } from '../../../core/spending/spending.schema';
import { ApiError, fieldErrors } from '../../api/client';
import { useSpendingProjection } from '../../api/spending';
import { PageTitle } from '../../components/PageTitle';
import { useLocale } from '../../components/use-locale';
import { useUrlParams } from '../../components/use-url-params';
import { formatRounded } from '../../components/spending/format';
import { ProjectionFigure } from '../../components/spending/ProjectionFigure';
import { type Assumptions, ProjectionForm } from '../../components/spending/ProjectionForm';
import { nationName } from '../../i18n/format';

const FIELDS = ['nation', 'target', 'gdpGrowth', 'spendingGrowth', 'band', 'to'] as const;
const DEFAULT_NATION = 'GBR';

/**
 * A nation's share of GDP projected under assumptions the reader sets. The assumptions live in the
 * URL, so a scenario can be linked to, and the chart follows each one applied.
 */
export function SpendingProjectionPage() {
  const { t } = useTranslation();
  const [params, update] = useUrlParams();
  const value = useMemo(
    (): Assumptions => ({
      nation: params.get('nation')?.toUpperCase() ?? DEFAULT_NATION,
      target: params.get('target') ?? '',
      gdpGrowth: params.get('gdpGrowth') ?? '',
      spendingGrowth: params.get('spendingGrowth') ?? '',
      band: params.get('band') ?? '',
      to: params.get('to') ?? '',
    }),
    [params],
  );
  const projection = useSpendingProjection(value);
  const errors = fieldErrors(projection.error);
  const apply = (next: Assumptions) =>
    update((p) => {
      for (const field of FIELDS) {
        const text = next[field].trim();
        if (text === '') p.delete(field);
        else p.set(field, text);
      }
    });
  const trend = projection.data?.assumptions;
  const trendHint =
    trend && value.spendingGrowth === ''
      ? t(`spending.projection.basis.${trend.spendingGrowthBasis}`, {
          rate: trend.spendingGrowthPct,
          year: trend.trendFrom?.year ?? '',
        })
      : null;
  // Field errors show at their fields; anything else (an unknown nation) above the form.
  const otherError =
    projection.error && Object.keys(errors).length === 0
      ? projection.error instanceof ApiError
        ? projection.error.body.message
        : t('errors.unexpected')
      : null;

  return (
    <Stack>
      <Anchor component={Link} to="/spending" size="sm">
        ← {t('spending.backToLeague')}
      </Anchor>
      <PageTitle text={t('spending.projection.title')} />
      <Text c="dimmed" size="sm" mt={-8}>
        {t('spending.projection.intro')}
      </Text>
      <ProjectionForm value={value} errors={errors} trendHint={trendHint} onSubmit={apply} />
      {otherError ? (
        <Alert color="red" role="alert" title={t('errors.loadFailed')}>
          {otherError}
        </Alert>
      ) : null}
      {projection.data && !projection.error ? (
        <ProjectionResult projection={projection.data} />
      ) : null}
    </Stack>
  );
}

function ProjectionResult({ projection }: { projection: SpendingProjection }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const last = projection.points.at(-1);
  const pct = (value: number) => t('spending.pct', { value: formatRounded(value, locale, 2) });
  const reach = projection.reachesTarget;
  const yearOrNever = (year: number | null) =>
    year === null ? t('spending.projection.never') : String(year);
  return (
    <Stack>
      <Paper withBorder p="md" aria-live="polite">
        {last ? (
          <Text fw={700} size="lg" data-testid="projection-headline">
            {t('spending.projection.headline', {
              nation: nationName(projection.nation, locale),
              year: last.year,
              central: pct(last.central),
              low: pct(last.low),
              high: pct(last.high),
            })}
          </Text>
        ) : null}
        <List size="sm" mt="xs">
          <List.Item>
            {t('spending.projection.from', {
              year: projection.from.year,
              value: pct(Number(projection.from.pctGdp)),
              release: projection.from.release.name,
            })}
          </List.Item>
          <List.Item>
            {t('spending.projection.assumed', {
              gdp: formatRounded(projection.assumptions.gdpGrowthPct, locale, 2),
              spending: formatRounded(projection.assumptions.spendingGrowthPct, locale, 2),
              band: formatRounded(projection.assumptions.bandPp, locale, 2),
            })}
          </List.Item>
          {projection.target && reach ? (
            <List.Item data-testid="projection-reaches">
              {t('spending.projection.reaches', {
                target: projection.target.description,
                earliest: yearOrNever(reach.earliest),
                central: yearOrNever(reach.central),
                latest: yearOrNever(reach.latest),
              })}
            </List.Item>
          ) : null}
          {projection.requiredGrowth ? (
            <List.Item>
              {t('spending.projection.required', {
                rate: formatRounded(projection.requiredGrowth.spendingPctPerYear, locale, 2),
                count: projection.requiredGrowth.years,
              })}
            </List.Item>
          ) : null}
        </List>
      </Paper>
      <ProjectionFigure projection={projection} />
    </Stack>
  );
}
