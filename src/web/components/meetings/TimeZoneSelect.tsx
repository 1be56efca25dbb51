import { Select } from '@mantine/core';
import { useMemo } from 'react';

interface TimeZoneSelectProps {
  label: string;
  description?: string;
  value: string;
  onChange: (zone: string) => void;
  error?: string;
  nothingFound: string;
}

/** The IANA zones this browser knows, searchable; the server checks the zone against its own data. */
export function TimeZoneSelect({
  label,
  description,
  value,
  onChange,
  error,
  nothingFound,
}: TimeZoneSelectProps) {
  const zones = useMemo(() => {
    const known = Intl.supportedValuesOf('timeZone');
    // Keep a zone the browser lacks (an alias the server accepts) choosable rather than dropping it.
    return value && !known.includes(value) ? [value, ...known] : known;
  }, [value]);
  return (
    <Select
      label={label}
      description={description}
      required
      searchable
      data={zones}
      value={value || null}
      onChange={(zone) => {
        if (zone) onChange(zone);
      }}
      error={error}
      nothingFoundMessage={nothingFound}
      limit={50}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
