import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PledgeStatus } from '../../../core/pledges/pledge.schema';
import type { RequirementStatus } from '../../../core/requirements/requirement.schema';

// Each dark enough for white text at badge size (WCAG AA 4.5:1 or more).
const pledgeColors: Record<PledgeStatus, string> = {
  announced: 'gray.7',
  committed: 'blue.8',
  contracted: 'indigo.8',
  delivering: '#8a4b00',
  delivered: '#1e6b34',
  withdrawn: 'red.9',
};

const requirementColors: Record<RequirementStatus, string> = {
  open: 'blue.8',
  partly_met: '#8a4b00',
  met: '#1e6b34',
  withdrawn: 'gray.7',
};

const style = { flexShrink: 0, minWidth: 'max-content' } as const;

export function PledgeStatusBadge({ status }: { status: PledgeStatus }) {
  const { t } = useTranslation();
  return (
    <Badge component="span" style={style} variant="filled" color={pledgeColors[status]}>
      {t(`ledger.pledgeStatus.${status}`)}
    </Badge>
  );
}

export function RequirementStatusBadge({ status }: { status: RequirementStatus }) {
  const { t } = useTranslation();
  return (
    <Badge component="span" style={style} variant="filled" color={requirementColors[status]}>
      {t(`ledger.requirementStatus.${status}`)}
    </Badge>
  );
}
