/**
 * The trace explorer: the genealogy of an identifier backward to what it was made from and forward
 * to what it went into, as a layered graph and as a table of the identifiers reached, with the
 * enterprises that handled each (counterparties named by the API) and links to the pages of the
 * identifiers minted here.
 */
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { Alert, Card, Segmented, Space, Spin, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useNameOf } from '../api/hooks';
import { useFormatValue } from '../api/telemetry';
import { TRACE_DIRECTIONS, useTrace, type HolderRef, type TraceDirection, type TraceNode, type TraceSource } from '../api/trace';
import { ErrorAlert } from './errors';
import { DepthInput } from './fields';
import { compactRef, uomSymbol } from './identifiers';
import TraceGraph, { layoutTrace } from './TraceGraph';

/** The console page of an identifier known by its handle (resolved there, see IdentifierLookup). */
export const identifierPageOf = (handle: string, ref?: string) =>
  `/identifiers/lookup?${new URLSearchParams({ handle, ...(ref ? { ref } : {}) }).toString()}`;

/** Names of enterprises by id from a list the API sent along (falls back to #id). */
export function useEnterpriseNamer(enterprises: HolderRef[] | undefined) {
  const nameOf = useNameOf();
  const byId = useMemo(() => new Map((enterprises ?? []).map((e) => [e.id, e])), [enterprises]);
  return useCallback((id: number) => {
    const e = byId.get(id);
    return e ? nameOf(e) : `#${id}`;
  }, [byId, nameOf]);
}

/** An identifier as its compact form; a link to its page where it was minted here. */
export function RefCell({ refId, handle }: { refId: string; handle: string | null | undefined }) {
  const text = compactRef(refId);
  return handle ? (
    <Link to={identifierPageOf(handle, refId)} title={`${refId}\n${handle}`} data-testid="node-ref">
      {text}
    </Link>
  ) : (
    <Typography.Text title={refId} data-testid="node-ref">
      {text}
    </Typography.Text>
  );
}

interface Props {
  source: TraceSource;
  title?: ReactNode;
  /** More controls beside direction and depth (e.g. the recall button). */
  extra?: ReactNode;
}

export default function TraceExplorer({ source, title, extra }: Props) {
  const { t } = useTranslation();
  const fmt = useFormatValue();
  const navigate = useNavigate();
  const [direction, setDirection] = useState<TraceDirection>('both');
  const [depth, setDepth] = useState(5);
  const trace = useTrace(source, direction, depth);
  const data = trace.data;
  const enterpriseName = useEnterpriseNamer(data?.enterprises);
  // On an identifier's own page its node links nowhere; traced by URI, it links to its page.
  const byUri = 'uri' in source;
  const handleOf = useCallback((ref: string) => (data && (ref !== data.root || byUri) ? data.handles[ref] : undefined), [data, byUri]);
  const linked = useCallback((ref: string) => !!handleOf(ref), [handleOf]);
  const open = useCallback((ref: string) => {
    const handle = handleOf(ref);
    if (handle) navigate(identifierPageOf(handle, ref));
  }, [handleOf, navigate]);
  const placed = useMemo(() => (data ? layoutTrace(data) : null), [data]);
  const nodes = data
    ? [...data.nodes].sort((a, b) => (placed!.get(a.ref)?.column ?? 0) - (placed!.get(b.ref)?.column ?? 0) || a.ref.localeCompare(b.ref))
    : [];

  return (
    <Card
      size="small"
      title={title ?? t('trace.title')}
      data-testid="trace-explorer"
      extra={
        <Space wrap>
          <Segmented<TraceDirection>
            size="small"
            value={direction}
            onChange={setDirection}
            options={TRACE_DIRECTIONS.map((d) => ({ value: d, label: <span data-testid={`trace-direction-${d}`}>{t(`trace.direction.${d}`)}</span> }))}
          />
          <DepthInput value={depth} onChange={setDepth} testId="trace-depth" />
          {trace.isFetching && <Spin size="small" />}
          {extra}
        </Space>
      }
    >
      <ErrorAlert error={trace.error} testId="trace-error" />
      {data?.truncated && <Alert type="warning" showIcon title={t('trace.truncated')} style={{ marginBottom: 12 }} data-testid="trace-truncated" />}
      {data ? (
        <div data-testid="trace-result" data-direction={data.direction} data-nodes={data.nodes.length} data-edges={data.edges.length}>
          <TraceGraph trace={data} enterpriseName={enterpriseName} linked={linked} onOpen={open} data-testid="trace-graph" />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }}>
            {t('trace.visibility')}
          </Typography.Paragraph>
          <Table<TraceNode>
            rowKey="ref"
            size="small"
            style={{ marginTop: 12 }}
            pagination={nodes.length > 50 ? { pageSize: 50 } : false}
            dataSource={nodes}
            scroll={{ x: 'max-content' }}
            data-testid="trace-nodes-table"
            onRow={(n) => ({ 'data-ref': n.ref }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              {
                key: 'ref',
                title: t('trace.identifier'),
                render: (_, n) => (
                  <Space size={6}>
                    <RefCell refId={n.ref} handle={handleOf(n.ref)} />
                    {n.ref === data.root && <Tag color="blue">{t('trace.root')}</Tag>}
                  </Space>
                ),
              },
              {
                key: 'side',
                title: t('trace.side'),
                render: (_, n) => {
                  const side = placed?.get(n.ref)?.side ?? 'root';
                  return side === 'root' ? '' : <Tag color={side === 'backward' ? 'orange' : 'cyan'}>{t(`trace.direction.${side}`)}</Tag>;
                },
              },
              { key: 'quantity', title: t('trace.quantity'), align: 'right', render: (_, n) => <span data-testid="node-quantity">{fmt(n.quantity)}</span> },
              { key: 'uom', title: t('field.unitOfMeasure'), render: (_, n) => <span data-testid="node-uom" title={n.uom ?? undefined}>{uomSymbol(n.uom)}</span> },
              { key: 'depth', title: t('trace.depth'), dataIndex: 'depth', align: 'right' },
              {
                key: 'enterprises',
                title: t('trace.enterprises'),
                render: (_, n) => <span data-testid="node-enterprises">{n.enterpriseIds.map(enterpriseName).join('、')}</span>,
              },
            ]}
          />
        </div>
      ) : (
        !trace.error && <Spin />
      )}
    </Card>
  );
}
