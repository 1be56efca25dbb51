import { Alert, Center, Loader } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  /** Shown instead of an error when the record does not exist (404, or a malformed key: 400). */
  notFound?: ReactNode;
}

/** Loading, failure and not-found for one query, so each page only renders its data. */
export function QueryState<T>({ query, children, notFound }: QueryStateProps<T>) {
  const { t } = useTranslation();
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.isError) {
    const error = query.error;
    if (notFound && error instanceof ApiError && (error.status === 404 || error.status === 400)) {
      return <>{notFound}</>;
    }
    return (
      <Alert color="red" title={t('errors.loadFailed')} role="alert">
        {error instanceof ApiError ? error.body.message : t('errors.unexpected')}
      </Alert>
    );
  }
  return (
    <Center py="xl">
      <Loader aria-label={t('common.loading')} role="status" />
    </Center>
  );
}
