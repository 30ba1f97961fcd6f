/**
 * One identifier: what it names, its typed values (public or restricted), its QR label, and the
 * trace explorer — the genealogy backward to what it was made from and forward to what it went
 * into, as a layered graph and as a table of the identifiers reached.
 */
import { useCallback, useState } from 'react';
import { Breadcrumb, Button, Card, Col, Descriptions, InputNumber, Result, Row, Segmented, Space, Spin, Table, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useAll, useItem, useNameOf } from '../api/hooks';
import { useFormatValue } from '../api/telemetry';
import type { Enterprise } from '../api/types';
import { ErrorAlert } from '../components/errors';
import {
  compactRef, KindTag, LabelSvg, TRACE_DIRECTIONS, uomSymbol, useTrace,
  type Identifier, type IdentifierValue, type TraceDirection, type TraceNode,
} from '../components/identifiers';
import TraceGraph, { layoutTrace } from '../components/TraceGraph';
import { TimeCell } from './common';

function ValuesTable({ item }: { item: Identifier }) {
  const { t } = useTranslation();
  const values = [...item.values].sort((a, b) => a.index - b.index);
  return (
    <Table<IdentifierValue>
      rowKey="index"
      size="small"
      pagination={false}
      dataSource={values}
      scroll={{ x: 'max-content' }}
      data-testid="values-table"
      columns={[
        { key: 'index', title: t('identifier.index'), dataIndex: 'index', width: 70 },
        { key: 'type', title: t('identifier.type'), render: (_, v) => <Typography.Text code>{v.type}</Typography.Text> },
        {
          key: 'value',
          title: t('identifier.value'),
          render: (_, v) => (
            <Typography.Text style={{ wordBreak: 'break-all' }} copyable={v.value.length > 20 ? { text: v.value } : false}>
              {v.value}
            </Typography.Text>
          ),
        },
        { key: 'ttl', title: t('identifier.ttl'), render: (_, v) => `${v.ttl} s` },
        {
          key: 'access',
          title: t('identifier.access'),
          render: (_, v) => (v.publicRead ? <Tag color="green">{t('identifier.public')}</Tag> : <Tag color="orange">{t('identifier.restricted')}</Tag>),
        },
      ]}
    />
  );
}

function TraceExplorer({ item }: { item: Identifier }) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const fmt = useFormatValue();
  const [direction, setDirection] = useState<TraceDirection>('both');
  const [depth, setDepth] = useState(5);
  const trace = useTrace(item, direction, depth);
  const enterprises = useAll<Enterprise>('enterprises');
  const enterpriseName = useCallback(
    (id: number) => {
      const e = enterprises.byId.get(id);
      return e ? nameOf(e) : `#${id}`;
    },
    [enterprises.byId, nameOf],
  );
  const data = trace.data;
  const placed = data ? layoutTrace(data) : null;
  const nodes = data ? [...data.nodes].sort((a, b) => (placed!.get(a.ref)?.column ?? 0) - (placed!.get(b.ref)?.column ?? 0) || a.ref.localeCompare(b.ref)) : [];

  return (
    <Card
      size="small"
      title={t('trace.title')}
      data-testid="trace-explorer"
      extra={
        <Space wrap>
          <Segmented<TraceDirection>
            size="small"
            value={direction}
            onChange={setDirection}
            options={TRACE_DIRECTIONS.map((d) => ({ value: d, label: <span data-testid={`trace-direction-${d}`}>{t(`trace.direction.${d}`)}</span> }))}
          />
          <Space size={4}>
            <Typography.Text type="secondary">{t('trace.depth')}</Typography.Text>
            <InputNumber<number>
              size="small"
              min={1}
              max={50}
              precision={0}
              value={depth}
              onChange={(v) => v !== null && setDepth(v)}
              style={{ width: 72 }}
              data-testid="trace-depth"
            />
          </Space>
          {trace.isFetching && <Spin size="small" />}
        </Space>
      }
    >
      <ErrorAlert error={trace.error} testId="trace-error" />
      {data?.truncated && <Typography.Paragraph type="warning">{t('trace.truncated')}</Typography.Paragraph>}
      {data ? (
        <div data-testid="trace-result" data-direction={data.direction} data-nodes={data.nodes.length} data-edges={data.edges.length}>
          <TraceGraph trace={data} enterpriseName={enterpriseName} data-testid="trace-graph" />
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
                    <Typography.Text title={n.ref} data-testid="node-ref">
                      {compactRef(n.ref)}
                    </Typography.Text>
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
              { key: 'enterprises', title: t('trace.enterprises'), render: (_, n) => n.enterpriseIds.map(enterpriseName).join('、') },
            ]}
          />
        </div>
      ) : (
        !trace.error && <Spin />
      )}
    </Card>
  );
}

export default function IdentifierDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const q = useItem<Identifier>('identifiers', id);
  const item = q.data;

  if (q.isLoading) return <Spin />;
  if (q.error instanceof ApiError && q.error.status === 404) return <Result status="404" title="404" subTitle={t('error.notFound')} />;
  if (!item) return <ErrorAlert error={q.error} />;

  return (
    <div data-testid="identifier-detail">
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/identifiers">{t('menu.identifiers')}</Link> }, { title: item.handle }]} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={18}>
          <Card
            size="small"
            title={<span style={{ fontFamily: 'monospace' }}>{item.handle}</span>}
            extra={
              <Button size="small" icon={<PrinterOutlined />} onClick={() => navigate(`/identifiers/${item.id}/label`)} data-testid="open-label">
                {t('identifier.printLabel')}
              </Button>
            }
          >
            <Descriptions column={{ xs: 1, md: 2 }} size="small" style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t('field.kind')}>
                <KindTag kind={item.kind} />
              </Descriptions.Item>
              <Descriptions.Item label={t('identifier.gtin')}>{item.gtin ?? ''}</Descriptions.Item>
              <Descriptions.Item label={t('identifier.lot')}>{item.lot ?? ''}</Descriptions.Item>
              <Descriptions.Item label={t('identifier.serial')}>{item.serial ?? ''}</Descriptions.Item>
              <Descriptions.Item label={t('identifier.digitalLink')} span="filled">
                {item.digitalLink ? <Typography.Text copyable style={{ wordBreak: 'break-all' }}>{item.digitalLink}</Typography.Text> : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('identifier.url')} span="filled">
                <Typography.Text copyable style={{ wordBreak: 'break-all' }}>{item.url}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('field.createdAt')}>
                <TimeCell ms={item.createdAt} />
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5}>{t('identifier.values')}</Typography.Title>
            <ValuesTable item={item} />
          </Card>
        </Col>
        <Col xs={24} xl={6}>
          <Card size="small" title={t('identifier.label')} style={{ height: '100%' }}>
            <div style={{ display: 'flex', justifyContent: 'center' }}>
              <LabelSvg id={item.id} width={220} />
            </div>
          </Card>
        </Col>
        <Col span={24}>
          <TraceExplorer item={item} />
        </Col>
      </Row>
    </div>
  );
}
