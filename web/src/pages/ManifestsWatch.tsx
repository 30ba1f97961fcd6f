/**
 * The park's watch over hazardous-waste movements (park roles see the park; an enterprise its own
 * manifests): the movements under way (signed, in transit, delivered), the open discrepancies and
 * the overdue manifests, counts by state, accepted tonnes per month (utilized vs disposed) and each
 * receiver licence's capacity left (accepted + in flight against the annual capacity).
 */
import { useMemo, useState } from 'react';
import { Card, Col, Empty, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useNameOf } from '../api/hooks';
import { useManifestOverview, type ManifestSummary, type ReceiverCapacity } from '../api/manifests';
import EChart from '../components/EChart';
import { formatNumber } from '../components/flows/format';
import { Badges, PartyChain, StateTag, TurnText } from '../components/manifests/ManifestTags';
import { capacityBars, capacityOption, monthsOption } from '../components/manifests/watch';
import QueryState from '../components/QueryState';

function ManifestTable({ items, testId }: { items: ManifestSummary[]; testId: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const columns: ColumnsType<ManifestSummary> = [
    { title: t('manifests.field.number'), dataIndex: 'number', key: 'number' },
    { title: t('manifests.field.state'), key: 'state', render: (_: unknown, m) => <StateTag state={m.state} /> },
    { title: t('manifests.field.parties'), key: 'parties', render: (_: unknown, m) => <PartyChain m={m} /> },
    { title: t('manifests.field.declaredT'), key: 't', align: 'right', render: (_: unknown, m) => `${formatNumber(m.declaredT, i18n.language)} t` },
    { title: t('manifests.field.plannedDate'), dataIndex: 'plannedDate', key: 'plannedDate' },
    { title: t('manifests.field.turn'), key: 'turn', render: (_: unknown, m) => <TurnText m={m} /> },
    { title: '', key: 'badges', render: (_: unknown, m) => <Badges m={m} /> },
  ];
  return (
    <Table<ManifestSummary>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty description={t('manifests.none')} /> }}
      onRow={(m) => ({ onClick: () => navigate(`/manifests/${m.id}`), style: { cursor: 'pointer' }, 'data-testid': 'watch-row', 'data-id': m.id, 'data-number': m.number }) as React.HTMLAttributes<HTMLElement>}
      data-testid={testId}
    />
  );
}

export default function ManifestsWatchPage() {
  const { t, i18n } = useTranslation();
  const nameOf = useNameOf();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const overview = useManifestOverview(year);
  const fmt = (n: number | null) => (n === null ? '–' : formatNumber(n, i18n.language));

  const charts = useMemo(() => {
    const o = overview.data;
    if (!o) return null;
    const bars = capacityBars(o.capacity);
    return {
      bars,
      months: monthsOption(o.months, o.year, { utilized: t('manifests.watch.utilized'), disposed: t('manifests.watch.disposed'), accepted: t('manifests.watch.accepted') }),
      capacity: capacityOption(bars, o.capacity.map((c) => `${nameOf(c.receiver)} · ${c.licenceNumber}`), {
        accepted: t('manifests.watch.accepted'), inFlight: t('manifests.watch.inFlight'), left: t('manifests.watch.left'), expired: t('manifests.watch.expired'),
      }),
    };
  }, [overview.data, t, nameOf]);

  const capacityColumns: ColumnsType<ReceiverCapacity> = [
    { title: t('manifests.party.receiver'), key: 'receiver', render: (_: unknown, c) => nameOf(c.receiver) },
    { title: t('manifests.watch.licence'), dataIndex: 'licenceNumber', key: 'licence' },
    { title: t('manifests.watch.codes'), key: 'codes', render: (_: unknown, c) => <Typography.Text style={{ fontSize: 12 }} ellipsis={{ tooltip: c.codes.join(', ') }}>{c.codes.join(', ')}</Typography.Text> },
    { title: t('manifests.watch.validity'), key: 'valid', render: (_: unknown, c) => <Space size={4}>{c.validFrom} – {c.validTo}{!c.valid && <Tag color="error" data-testid="capacity-expired">{t('manifests.watch.expired')}</Tag>}</Space> },
    { title: t('manifests.watch.annual'), key: 'annual', align: 'right', render: (_: unknown, c) => fmt(c.annualCapacityT) },
    { title: t('manifests.watch.accepted'), key: 'accepted', align: 'right', render: (_: unknown, c) => fmt(c.acceptedT) },
    { title: t('manifests.watch.inFlight'), key: 'inFlight', align: 'right', render: (_: unknown, c) => fmt(c.inFlightT) },
    {
      title: t('manifests.watch.left'),
      key: 'left',
      align: 'right',
      render: (_: unknown, c, i) => {
        const bar = charts?.bars[i];
        return <Typography.Text type={bar?.low ? 'danger' : undefined} strong={bar?.low} data-testid="capacity-left" data-low={bar?.low ? 'true' : 'false'}>{fmt(c.leftT)}</Typography.Text>;
      },
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="manifests-watch-page">
      <Card
        title={t('manifests.title.watch')}
        extra={<Select value={year} onChange={setYear} options={[thisYear - 2, thisYear - 1, thisYear].map((y) => ({ value: y, label: String(y) }))} style={{ width: 100 }} data-testid="watch-year" />}
      >
        <QueryState query={overview}>
          {(o) => (
            <Row gutter={[12, 12]} data-testid="watch-by-state" data-scope={o.scope}>
              {o.byState.map((s) => (
                <Col key={s.state} xs={12} sm={8} md={6} lg={4}>
                  <Statistic title={t(`manifests.state.${s.state}`)} value={s.count} suffix={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{fmt(s.declaredT)} t</Typography.Text>} data-testid="watch-state-count" data-state={s.state} data-count={s.count} />
                </Col>
              ))}
            </Row>
          )}
        </QueryState>
      </Card>
      {overview.data && charts && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('manifests.watch.discrepancies')} extra={<Tag color={overview.data.openDiscrepancies.length ? 'error' : 'default'}>{overview.data.openDiscrepancies.length}</Tag>}>
                <ManifestTable items={overview.data.openDiscrepancies} testId="watch-discrepancies" />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('manifests.watch.overdue')} extra={<Tag color={overview.data.overdue.length ? 'warning' : 'default'}>{overview.data.overdue.length}</Tag>}>
                <ManifestTable items={overview.data.overdue} testId="watch-overdue" />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('manifests.watch.open')} extra={<Tag>{overview.data.open.length}</Tag>}>
            <ManifestTable items={overview.data.open} testId="watch-open" />
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('manifests.watch.months')}>
                <EChart option={charts.months} style={{ height: 300 }} data-testid="watch-months-chart" />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('manifests.watch.capacity')} extra={<Typography.Text type="secondary">{t('manifests.watch.capacityHelp')}</Typography.Text>}>
                {overview.data.capacity.length ? (
                  <EChart option={charts.capacity} style={{ height: Math.max(200, 48 * overview.data.capacity.length + 60) }} data-testid="watch-capacity-chart" />
                ) : (
                  <Empty description={t('manifests.watch.noLicences')} />
                )}
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('manifests.watch.capacityTable')}>
            <Table<ReceiverCapacity>
              rowKey={(c) => `${c.receiver.id}-${c.licenceNumber}`}
              size="small"
              columns={capacityColumns}
              dataSource={overview.data.capacity}
              scroll={{ x: 'max-content' }}
              pagination={false}
              onRow={(c) => ({ 'data-testid': 'capacity-row', 'data-licence': c.licenceNumber, 'data-receiver': c.receiver.id }) as React.HTMLAttributes<HTMLElement>}
              data-testid="watch-capacity"
            />
          </Card>
        </>
      )}
    </Space>
  );
}
