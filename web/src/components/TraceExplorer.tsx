/**
 * The trace explorer: the genealogy of an identifier backward to what it was made from and forward
 * to what it went into, as a layered graph and as a table of the identifiers reached, with the
 * enterprises that handled each (counterparties named by the API) and links to the pages of the
 * identifiers minted here; and the events of the trace with who recorded each. A switch asks for
 * unconfirmed links too (events whose recorder never held a lot, docs/trace.md): they are drawn
 * dashed and grey, and listed with the reason.
 */
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { Alert, Card, Segmented, Space, Spin, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useNameOf } from '../api/hooks';
import { useFormatValue } from '../api/telemetry';
import { TRACE_DIRECTIONS, useTrace, type HolderRef, type TraceDirection, type TraceEdge, type TraceNode, type TraceSource } from '../api/trace';
import { ErrorAlert } from './errors';
import QueryState from './QueryState';
import { DepthInput } from './fields';
import { compactRef, uomSymbol } from './identifiers';
import TraceGraph, { layoutTrace, recorderText } from './TraceGraph';

/** The switch that asks for unconfirmed links too (trace and recall). */
export function UnconfirmedSwitch({ value, onChange, testId }: { value: boolean; onChange(v: boolean): void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('trace.unconfirmedHelp')}>
      <Space size={4}>
        <Switch size="small" checked={value} onChange={onChange} data-testid={testId} />
        <Typography.Text style={{ fontSize: 12 }}>{t('trace.showUnconfirmed')}</Typography.Text>
      </Space>
    </Tooltip>
  );
}

/** A link's status: confirmed, or unconfirmed with the reason in its tooltip. */
export function ConfirmedTag({ confirmed, reason }: { confirmed: boolean; reason?: string }) {
  const { t } = useTranslation();
  return confirmed ? (
    <Tag color="green" data-testid="confirmed">{t('trace.confirmed')}</Tag>
  ) : (
    <Tooltip title={reason}>
      <Tag color="default" style={{ borderStyle: 'dashed', color: '#8c8c8c' }} data-testid="unconfirmed">{t('trace.unconfirmed')}</Tag>
    </Tooltip>
  );
}

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
  const [unconfirmed, setUnconfirmed] = useState(false);
  const trace = useTrace(source, direction, depth, unconfirmed);
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
          <UnconfirmedSwitch value={unconfirmed} onChange={setUnconfirmed} testId="trace-unconfirmed" />
          {trace.isFetching && <Spin size="small" />}
          {extra}
        </Space>
      }
    >
      {data?.truncated && <Alert type="warning" showIcon title={t('trace.truncated')} style={{ marginBottom: 12 }} data-testid="trace-truncated" />}
      <QueryState query={trace} errorTestId="trace-error" notFound={<ErrorAlert error={trace.error} testId="trace-error" />}>
        {(data) => (
          <div
            data-testid="trace-result"
            data-direction={data.direction}
            data-nodes={data.nodes.length}
            data-edges={data.edges.length}
            data-unconfirmed={data.unconfirmed ? '1' : '0'}
            data-unconfirmed-edges={data.edges.filter((e) => e.confirmed === false).length}
          >
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
              onRow={(n) => ({ 'data-ref': n.ref, 'data-confirmed': n.confirmed === false ? '0' : '1' }) as React.HTMLAttributes<HTMLElement>}
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
                ...(data.unconfirmed
                  ? [{ key: 'confirmed', title: t('trace.status'), render: (_: unknown, n: TraceNode) => (n.ref === data.root ? '' : <ConfirmedTag confirmed={n.confirmed !== false} />) }]
                  : []),
              ]}
            />
            {data.edges.length > 0 && (
              <>
                <Typography.Title level={5} style={{ marginTop: 16 }}>
                  {t('trace.events')}
                </Typography.Title>
                <Table<TraceEdge>
                  rowKey={(e) => `${e.eventID}|${e.from}|${e.to}`}
                  size="small"
                  pagination={data.edges.length > 50 ? { pageSize: 50 } : false}
                  dataSource={data.edges}
                  scroll={{ x: 'max-content' }}
                  data-testid="trace-edges-table"
                  onRow={(e) => ({ 'data-from': e.from, 'data-to': e.to, 'data-confirmed': e.confirmed === false ? '0' : '1' }) as React.HTMLAttributes<HTMLElement>}
                  columns={[
                    { key: 'link', title: t('trace.link'), render: (_, e) => <span title={`${e.from}\n→ ${e.to}`}>{`${compactRef(e.from)} → ${compactRef(e.to)}`}</span> },
                    { key: 'type', title: t('trace.eventType'), dataIndex: 'type' },
                    {
                      key: 'recordedBy',
                      title: t('trace.recordedBy'),
                      render: (_, e) => <span data-testid="edge-recorder">{recorderText(e.recordedBy, enterpriseName, t('trace.unknownUser'))}</span>,
                    },
                    { key: 'status', title: t('trace.status'), render: (_, e) => <ConfirmedTag confirmed={e.confirmed !== false} reason={e.reason} /> },
                    {
                      key: 'event',
                      title: t('trace.event'),
                      render: (_, e) => (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }} title={e.eventID}>
                          {e.eventID.length > 28 ? `${e.eventID.slice(0, 27)}…` : e.eventID}
                        </Typography.Text>
                      ),
                    },
                  ]}
                />
              </>
            )}
          </div>
        )}
      </QueryState>
    </Card>
  );
}
