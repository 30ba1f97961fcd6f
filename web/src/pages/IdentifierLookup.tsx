/**
 * An identifier by its handle (/identifiers/lookup?handle=prefix/suffix&ref=URI), as a trace links
 * it: its page when the caller may see it; otherwise a note that it is another enterprise's, and its
 * trace as far as the caller may see.
 */
import { Button, Result, Spin } from 'antd';
import { NodeIndexOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Page } from '../api/types';
import { ErrorAlert } from '../components/errors';
import type { Identifier } from '../components/identifiers';

export default function IdentifierLookupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const handle = params.get('handle') ?? '';
  const ref = params.get('ref');
  const slash = handle.indexOf('/');
  const prefix = handle.slice(0, slash);
  const suffix = handle.slice(slash + 1);
  // The list searches suffixes; the handle is matched exactly here.
  const q = useQuery({
    queryKey: ['identifiers', 'lookup', handle],
    queryFn: ({ signal }) => api.get<Page<Identifier>>('/identifiers', { q: suffix, limit: 50 }, signal),
    enabled: slash > 0,
  });
  const found = q.data?.items.find((i) => i.prefix === prefix && i.suffix === suffix);

  if (found) return <Navigate to={`/identifiers/${found.id}`} replace />;
  if (q.isLoading) return <Spin />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return (
    <Result
      status="info"
      title={<span style={{ fontFamily: 'monospace' }}>{handle}</span>}
      subTitle={t('lookup.notVisible')}
      data-testid="identifier-lookup"
      extra={
        ref && (
          <Button type="primary" icon={<NodeIndexOutlined />} onClick={() => navigate(`/trace?${new URLSearchParams({ id: ref })}`, { replace: true })} data-testid="lookup-trace">
            {t('lookup.trace')}
          </Button>
        )
      }
    />
  );
}
