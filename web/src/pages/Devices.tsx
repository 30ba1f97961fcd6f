/** Devices: meters, analysers, gateways … with their protocol; a device's tags are on its page. */
import { Form, Input, Space, Switch, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Query } from '../api/client';
import { useDeviceStatuses, useNow } from '../api/telemetry';
import { CODE_PATTERN, DEVICE_KINDS, PROTOCOLS, SERVICE_STATES, type Device } from '../api/types';
import { EnumSelect, EnumTag, SiteSelect, UnitSelect } from '../components/fields';
import ResourcePage, { type FormSpec } from '../components/ResourcePage';
import { DeviceStatusBadge } from '../components/telemetry';
import { EnterpriseHelperField, LinkedName, NameCell, NameFields, ParentFilters, required, useLookups, useSeesAllEnterprises } from './common';

export function useDeviceForm(fixed?: Query): FormSpec<Device> {
  const { t } = useTranslation();
  return {
    toValues: (r) => ({ ...r, _enterpriseId: r.enterpriseId }),
    defaults: { enabled: true, protocol: 'mqtt', serviceState: 'in_service' },
    render: (f, editing) => (
      <>
        <EnterpriseHelperField disabled={!!editing || fixed?.enterpriseId !== undefined} onChange={() => f.setFieldsValue({ siteId: undefined, unitId: undefined })} />
        <Form.Item noStyle shouldUpdate={(a, b) => a._enterpriseId !== b._enterpriseId || a.siteId !== b.siteId}>
          {({ getFieldValue }) => (
            <>
              <Form.Item name="siteId" label={t('field.site')} rules={[required(t)]}>
                <SiteSelect filter={{ enterpriseId: getFieldValue('_enterpriseId') }} onChange={() => f.setFieldsValue({ unitId: null })} data-testid="field-site" />
              </Form.Item>
              <Form.Item name="unitId" label={t('field.unit')}>
                <UnitSelect filter={{ siteId: getFieldValue('siteId') }} disabled={!getFieldValue('siteId')} data-testid="field-unit" />
              </Form.Item>
            </>
          )}
        </Form.Item>
        <Form.Item name="code" label={t('field.code')} extra={t('help.deviceCode')} rules={[required(t), { pattern: CODE_PATTERN, message: t('validation.code') }]}>
          <Input data-testid="field-code" />
        </Form.Item>
        <NameFields />
        <Form.Item name="kind" label={t('field.kind')} rules={[required(t)]}>
          <EnumSelect name="deviceKind" values={DEVICE_KINDS} data-testid="field-kind" />
        </Form.Item>
        <Form.Item name="protocol" label={t('field.protocol')} rules={[required(t)]}>
          <EnumSelect name="protocol" values={PROTOCOLS} data-testid="field-protocol" />
        </Form.Item>
        <Form.Item name="manufacturer" label={t('field.manufacturer')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="model" label={t('field.model')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="serialNo" label={t('field.serialNo')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="serviceState" label={t('field.serviceState')} extra={t('hint.serviceState')}>
          <EnumSelect name="serviceState" values={SERVICE_STATES} data-testid="field-serviceState" />
        </Form.Item>
        <Form.Item name="enabled" label={t('field.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </>
    ),
  };
}

export function DevicesTable({ fixed }: { fixed?: Query }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const all = useSeesAllEnterprises();
  const { enterprises, sites, units } = useLookups({ enterprises: all, sites: true, units: true });
  const showEnterprise = all && fixed?.enterpriseId === undefined;
  // Online / offline of every device at once, asked again every 10 s.
  const statuses = useDeviceStatuses();
  const now = useNow();
  const columns: ColumnsType<Device> = [
    { title: t('field.code'), dataIndex: 'code', render: (v: string, r) => <Link to={`/devices/${r.id}`} onClick={(e) => e.stopPropagation()}>{v}</Link> },
    { title: t('field.name'), dataIndex: 'name', render: (_: unknown, r) => <NameCell row={r} maxWidth={180} /> },
    ...(showEnterprise
      ? [{ title: t('field.enterprise'), dataIndex: 'enterpriseId', render: (v: number) => <LinkedName to={`/enterprises/${v}`} row={enterprises.get(v)} missing={v} maxWidth={170} /> }]
      : []),
    // The site and, under it, the process unit: one column, so that the list fits at 1440 px.
    {
      title: t('columns.siteUnit'),
      dataIndex: 'siteId',
      render: (v: number, r) => (
        <Space vertical size={0}>
          <NameCell row={sites.get(v) ?? { name: `#${v}`, nameEn: null }} maxWidth={170} />
          {r.unitId && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <NameCell row={units.get(r.unitId) ?? { name: `#${r.unitId}`, nameEn: null }} maxWidth={170} />
            </Typography.Text>
          )}
        </Space>
      ),
    },
    // Narrow and of a fixed width: the status arriving later does not move the columns. A disabled device says so here.
    {
      title: t('telemetry.status'),
      key: 'status',
      width: 130,
      render: (_: unknown, r) => (
        <Space vertical size={0}>
          <DeviceStatusBadge status={statuses.byId.get(r.id)} now={now} compact />
          {!r.enabled && <Tag data-testid="device-disabled">{t('columns.deviceDisabled')}</Tag>}
          {r.serviceState !== 'in_service' && <span data-testid="device-service-state"><EnumTag name="serviceState" value={r.serviceState} color="orange" /></span>}
        </Space>
      ),
    },
    { title: t('field.kind'), dataIndex: 'kind', render: (v: string) => <EnumTag name="deviceKind" value={v} color="cyan" /> },
    { title: t('field.protocol'), dataIndex: 'protocol', render: (v: string) => <EnumTag name="protocol" value={v} /> },
  ];
  const form = useDeviceForm(fixed);
  return (
    <ResourcePage<Device>
      collection="devices"
      resource="device"
      testId="devices"
      title={fixed ? undefined : t('menu.devices')}
      columns={columns}
      fixed={fixed}
      sortable
      form={form}
      onRowClick={(r) => navigate(`/devices/${r.id}`)}
      toolbar={(filters, setFilter) => (
        <>
          <ParentFilters filters={filters} setFilter={setFilter} fixed={fixed} levels={['enterprise', 'site', 'unit']} />
          <EnumSelect name="deviceKind" values={DEVICE_KINDS} allowClear placeholder={t('filter.kind')} value={filters.kind as string | undefined} onChange={(v) => setFilter('kind', v)} style={{ width: 160 }} />
          <EnumSelect name="protocol" values={PROTOCOLS} allowClear placeholder={t('filter.protocol')} value={filters.protocol as string | undefined} onChange={(v) => setFilter('protocol', v)} style={{ width: 140 }} />
        </>
      )}
    />
  );
}

export default function DevicesPage() {
  return <DevicesTable />;
}
