import { useTranslation } from 'react-i18next';
import type { LiveBoardState } from '../../api/live';
import { useLocale } from '../use-locale';
import { useNationNames } from '../use-nation-names';
import { formatMoney } from '../ledger/format';

/**
 * Reads out the latest arrival to screen readers (a polite live region), so a delegate who cannot see
 * the table change still hears each pledge and check-in as it comes.
 */
export function LiveAnnouncer({ board }: { board: LiveBoardState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { nameOf } = useNationNames();
  const pledge = board.pledges[0];
  const arrival = board.attendance.reduce<(typeof board.attendance)[number] | undefined>(
    (latest, a) => (latest === undefined || a.seq > latest.seq ? a : latest),
    undefined,
  );
  let text = '';
  if (pledge && (!arrival || pledge.seq > arrival.seq)) {
    const value = pledge.reportingValue ?? pledge.value;
    text = t('liveBoard.announcePledge', {
      nation: nameOf(pledge.donor),
      item: pledge.item,
      value: value ? formatMoney(value, locale) : t('liveBoard.noValue'),
    });
  } else if (arrival) {
    text = t('liveBoard.announceArrival', { nation: nameOf(arrival.nation) });
  }
  return (
    <div aria-live="polite" className="visually-hidden" data-testid="live-announcer">
      {text}
    </div>
  );
}
