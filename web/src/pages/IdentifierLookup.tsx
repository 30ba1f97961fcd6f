/**
 * An identifier by its handle (/identifiers/lookup?handle=prefix/suffix&ref=URI), as a trace links
 * it: its page when the caller may see it; otherwise a note that it is another enterprise's, and its
 * trace as far as the caller may see.
 */
import { Button, Result } from 'antd';
import { NodeIndexOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { findByHandle } from '../api/identity';
import QueryState from '../components/QueryState';

export default function IdentifierLookupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const handle = params.get('handle') ?? '';
  const ref = params.get('ref');
  const slash = handle.indexOf('/');
  const prefix = handle.slice(0, slash);
  const suffix = handle.slice(slash + 1);
  const q = useQuery({
    queryKey: ['identifiers', 'lookup', handle],
    queryFn: ({ signal }) => findByHandle(prefix, suffix, signal),
    enabled: slash > 0,
  });
  // Not among what the caller may see (or no handle at all): another enterprise's, perhaps.
  const notVisible = (
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
  return (
    <QueryState query={q} notFound={notVisible}>
      {(found) => (found ? <Navigate to={`/identifiers/${found.id}`} replace /> : notVisible)}
    </QueryState>
  );
}
