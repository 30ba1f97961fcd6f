/**
 * The flow ledger (流量台账): the flows of the periods, filtered by period, material, node, source
 * and basis; manual flows added, edited and deleted here; the stocks of a period recorded; CSV
 * files imported; and the telemetry and EPCIS sources re-run for a period.
 */
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Card, Col, Popconfirm, Row, Select, Space, Table, Tag, Tooltip } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Query } from '../api/client';
import { FLOW_BASES, FLOW_SOURCES, useFlowPeriods, useFlows, useFlowWrite, type Flow } from '../api/flows';
import { useSession } from '../auth/session';
import { ErrorAlert, useNotifyError } from '../components/errors';
import CsvImport from '../components/flows/CsvImport';
import FlowFormDrawer from '../components/flows/FlowFormDrawer';
import FlowStocks from '../components/flows/FlowStocks';
import { formatNumber } from '../components/flows/format';
import SourceRuns from '../components/flows/SourceRuns';
import { useFlowNames } from '../components/flows/useFlowNames';
import { TimeCell } from './common';

/** The list filters the ledger page has, and reads from its address. */
const LEDGER_FILTERS = ['period', 'material', 'node', 'source', 'basis'] as const;

export default function FlowLedgerPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { can } = useSession();
  const notifyError = useNotifyError();
  const periods = useFlowPeriods();
  const names = useFlowNames();
  const write = useFlowWrite();
  // A link may open the ledger filtered (the KPI drill-down: ?material=…&period=…).
  const [searchParams] = useSearchParams();
  const [filters, setFilters] = useState<Query>(() => Object.fromEntries(LEDGER_FILTERS.flatMap((name) => (searchParams.get(name) ? [[name, searchParams.get(name)!]] : []))));
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [editing, setEditing] = useState<Flow | null | undefined>(undefined);
  const list = useFlows({ ...filters, limit: page.pageSize, offset: (page.current - 1) * page.pageSize });
  const latest = periods.data?.[0]?.period;

  const setFilter = (name: string, value: string | undefined) => {
    setFilters((f) => ({ ...f, [name]: value || undefined }));
    setPage((p) => ({ ...p, current: 1 }));
  };
  const editable = (f: Flow) => f.source === 'manual';
  // The list's filters: one select each, nodes and materials searchable.
  const filterChoices: { name: string; placeholder: string; options: { value: string; label: string }[]; width: number; searchable: boolean }[] = [
    { name: 'period', placeholder: t('flows.ledger.allPeriods'), options: (periods.data ?? []).map((p) => ({ value: p.period, label: `${p.period} (${p.flows})` })), width: 160, searchable: false },
    { name: 'material', placeholder: t('flows.field.material'), options: names.materials.map((m) => ({ value: m.code, label: `${names.materialName(m.code)} (${m.code})` })), width: 220, searchable: true },
    { name: 'node', placeholder: t('flows.field.node'), options: names.nodes.map((n) => ({ value: n.code, label: `${names.nodeName(n.code)} (${n.code})` })), width: 220, searchable: true },
    { name: 'source', placeholder: t('flows.field.source'), options: FLOW_SOURCES.map((v) => ({ value: v, label: t(`flows.source.${v}`) })), width: 170, searchable: false },
    { name: 'basis', placeholder: t('flows.field.basis'), options: FLOW_BASES.map((v) => ({ value: v, label: t(`flows.basis.${v}`) })), width: 140, searchable: false },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="flow-ledger-page">
      <Card
        title={t('flows.title.ledger')}
        extra={
          can('create', 'flow') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="flow-add">
              {t('flows.ledger.add')}
            </Button>
          )
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          {filterChoices.map(({ name, placeholder, options, width, searchable }) => (
            <Select
              key={name}
              allowClear
              placeholder={placeholder}
              value={filters[name] as string | undefined}
              onChange={(v: string | undefined) => setFilter(name, v)}
              options={options}
              {...(searchable ? { showSearch: { optionFilterProp: 'label' } } : {})}
              style={{ width }}
              data-testid={`flow-filter-${name}`}
            />
          ))}
        </Space>
        <ErrorAlert error={list.error} testId="flow-list-error" />
        <Table<Flow>
          rowKey="id"
          size="small"
          data-testid="flow-table"
          loading={list.isFetching && !list.data}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          onRow={(f) => ({ 'data-testid': 'flow-row', 'data-flow-id': f.id, 'data-source': f.source }) as React.HTMLAttributes<HTMLElement>}
          pagination={{
            current: page.current,
            pageSize: page.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (current, pageSize) => setPage({ current, pageSize }),
          }}
          columns={[
            { key: 'period', title: t('flows.field.period'), dataIndex: 'period' },
            { key: 'from', title: t('flows.field.from'), render: (_, f) => <span title={f.fromCode}>{names.nodeName(f.fromCode)}</span> },
            { key: 'to', title: t('flows.field.to'), render: (_, f) => <span title={f.toCode}>{names.nodeName(f.toCode)}</span> },
            { key: 'material', title: t('flows.field.material'), render: (_, f) => <span title={f.materialCode}>{names.materialName(f.materialCode)}</span> },
            { key: 'quantity', title: t('flows.field.quantity'), align: 'right', render: (_, f) => `${formatNumber(f.quantity, lang)} ${f.unit}` },
            { key: 'sd', title: t('flows.field.effectiveSd'), align: 'right', render: (_, f) => formatNumber(f.effectiveSd, lang) },
            { key: 'basis', title: t('flows.field.basis'), render: (_, f) => t(`flows.basis.${f.basis}`) },
            { key: 'source', title: t('flows.field.source'), render: (_, f) => <Tag data-testid="flow-source">{t(`flows.source.${f.source}`)}</Tag> },
            { key: 'note', title: t('flows.field.note'), dataIndex: 'note', ellipsis: true, width: 200 },
            { key: 'updated', title: t('flows.field.updatedAt'), render: (_, f) => <TimeCell ms={f.updatedAt} /> },
            {
              key: 'actions',
              title: t('common.actions'),
              fixed: 'right',
              render: (_, f) => {
                const mayEdit = editable(f) && can('update', 'flow', f);
                const mayDelete = editable(f) && can('delete', 'flow', f);
                if (!editable(f)) {
                  return (
                    <Tooltip title={t('flows.ledger.onlyManual')}>
                      <Button size="small" type="text" icon={<EditOutlined />} disabled />
                    </Tooltip>
                  );
                }
                return (
                  <Space size={4}>
                    {mayEdit && <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setEditing(f)} aria-label={t('action.edit')} data-testid="flow-edit" />}
                    {mayDelete && (
                      <Popconfirm
                        title={t('flows.ledger.deleteConfirm')}
                        okText={t('action.delete')}
                        cancelText={t('action.cancel')}
                        okButtonProps={{ danger: true, loading: write.remove.isPending, ...({ 'data-testid': 'confirm-ok' } as object) }}
                        onConfirm={() => write.remove.mutateAsync(f.id).catch(notifyError)}
                      >
                        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('action.delete')} data-testid="flow-delete" />
                      </Popconfirm>
                    )}
                  </Space>
                );
              },
            },
          ]}
        />
      </Card>
      <Card title={t('flows.stocks.title')} size="small" data-testid="flow-stocks-card">
        <FlowStocks periods={periods.data ?? []} defaultPeriod={(filters.period as string | undefined) ?? latest} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('flows.ledger.importTitle')} size="small">
            <CsvImport />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('flows.ledger.sourcesTitle')} size="small">
            <SourceRuns periods={periods.data ?? []} defaultPeriod={latest} />
          </Card>
        </Col>
      </Row>
      <FlowFormDrawer flow={editing} defaultPeriod={latest} nodes={names.nodes} materials={names.materials} onClose={() => setEditing(undefined)} />
    </Space>
  );
}
