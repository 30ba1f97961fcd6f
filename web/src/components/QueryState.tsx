/**
 * The states of a query that loads what a page shows, in one place: a skeleton while it loads, the
 * 404 page when the API answers not found (or the query cannot run: an id that is no number), the
 * problem with a retry for any other error, and the data once there. A refresh that fails while
 * data is shown keeps the data and says so above it.
 */
import type { ReactNode } from 'react';
import { Button, Result, Skeleton } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import NotFoundPage from '../pages/NotFound';
import { ErrorAlert, errorText } from './errors';

export const isNotFound = (err: unknown) => err instanceof ApiError && err.status === 404;

interface Props<T> {
  query: Pick<UseQueryResult<T>, 'data' | 'error' | 'isPending' | 'fetchStatus' | 'refetch' | 'isRefetching'>;
  children: (data: T) => ReactNode;
  /** Shown for a 404 (default: the 404 page for a record). */
  notFound?: ReactNode;
  /** Shown while loading (default: a skeleton). */
  loading?: ReactNode;
  /** The error's data-testid, for pages whose tests look for it. */
  errorTestId?: string;
}

export default function QueryState<T>({ query, children, notFound, loading, errorTestId = 'query-error' }: Props<T>) {
  const { t, i18n } = useTranslation();
  if (query.data !== undefined) {
    return (
      <>
        {query.error && <ErrorAlert error={query.error} testId={errorTestId} />}
        {children(query.data)}
      </>
    );
  }
  if (isNotFound(query.error)) return <>{notFound ?? <NotFoundPage record />}</>;
  if (query.error) {
    return (
      <Result
        status="warning"
        title={t('error.loadFailed')}
        // The problem's kind (translated) and the API's detail.
        subTitle={errorText(query.error, t, i18n.language)}
        data-testid={errorTestId}
        extra={
          <Button icon={<ReloadOutlined />} loading={query.isRefetching} onClick={() => void query.refetch()} data-testid="query-retry">
            {t('action.retry')}
          </Button>
        }
      />
    );
  }
  // Pending and not fetching: the query is disabled because what it names cannot exist.
  if (query.isPending && query.fetchStatus === 'idle') return <>{notFound ?? <NotFoundPage record />}</>;
  return <>{loading ?? <div data-testid="query-loading"><Skeleton active paragraph={{ rows: 6 }} /></div>}</>;
}
