/** One device: what it is, where it is, how it connects, whether it is online, its latest values, tags and error log. */
import { useState } from 'react';
import { App, Badge, Breadcrumb, Button, Card, Descriptions, Space, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useItem, useNameOf } from '../api/hooks';
import { useUpdateDevice } from '../api/registry';
import { useDeviceStatus, useNow } from '../api/telemetry';
import type { Device, Enterprise, Site, Unit } from '../api/types';
import { useCan } from '../auth/session';
import { EnumTag } from '../components/fields';
import FormDrawer from '../components/FormDrawer';
import QueryState from '../components/QueryState';
import { DeviceStatusBadge } from '../components/telemetry';
import { CredentialsAction, ErrorLog, LatestValues, telemetryTopic } from './DeviceTelemetry';
import { useDeviceForm } from './Devices';
import { TagsTable } from './Tags';
import { TimeCell } from './common';

export default function DeviceDetailPage() {
  const dev = useItem<Device>('devices', Number(useParams().id));
  return <QueryState query={dev}>{(d) => <DeviceDetail d={d} />}</QueryState>;
}

function DeviceDetail({ d }: { d: Device }) {
  const { t } = useTranslation();
  const can = useCan();
  const nameOf = useNameOf();
  const { message } = App.useApp();
  const update = useUpdateDevice();
  const ent = useItem<Enterprise>('enterprises', d.enterpriseId);
  const site = useItem<Site>('sites', d.siteId);
  const unit = useItem<Unit>('units', d.unitId ?? undefined);
  const form = useDeviceForm({ enterpriseId: d.enterpriseId });
  const [editing, setEditing] = useState(false);
  const status = useDeviceStatus(d.id);
  const now = useNow();

  return (
    <div data-testid="device-detail">
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/devices">{t('menu.devices')}</Link> }, { title: d.code }]} />
      <Card
        title={
          <Space size={16} wrap>
            <span>{`${nameOf(d)} (${d.code})`}</span>
            <span style={{ fontWeight: 'normal' }} data-testid="device-status-header">
              <DeviceStatusBadge status={status.data} now={now} showVia />
            </span>
          </Space>
        }
        style={{ marginBottom: 16 }}
        extra={
          can('update', 'device', d) && (
            <Space>
              <CredentialsAction device={d} />
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="device-edit">
                {t('action.edit')}
              </Button>
            </Space>
          )
        }
      >
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('field.enterprise')}>{ent.data ? <Link to={`/enterprises/${d.enterpriseId}`}>{nameOf(ent.data)}</Link> : `#${d.enterpriseId}`}</Descriptions.Item>
          <Descriptions.Item label={t('field.site')}>{site.data ? nameOf(site.data) : `#${d.siteId}`}</Descriptions.Item>
          <Descriptions.Item label={t('field.unit')}>{d.unitId ? (unit.data ? nameOf(unit.data) : `#${d.unitId}`) : ''}</Descriptions.Item>
          <Descriptions.Item label={t('field.kind')}>
            <EnumTag name="deviceKind" value={d.kind} color="cyan" />
          </Descriptions.Item>
          <Descriptions.Item label={t('field.protocol')}>
            <EnumTag name="protocol" value={d.protocol} />
          </Descriptions.Item>
          <Descriptions.Item label={t('field.enabled')}>
            <Badge status={d.enabled ? 'success' : 'default'} text={d.enabled ? t('common.yes') : t('common.no')} />
          </Descriptions.Item>
          <Descriptions.Item label={t('field.manufacturer')}>{d.manufacturer}</Descriptions.Item>
          <Descriptions.Item label={t('field.model')}>{d.model}</Descriptions.Item>
          <Descriptions.Item label={t('field.serialNo')}>{d.serialNo}</Descriptions.Item>
          <Descriptions.Item label={t('device.topic')} span={2}>
            <Typography.Text code copyable>{telemetryTopic(d.code)}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('telemetry.lastSeen')}>
            <TimeCell ms={status.data?.lastSeenAt} />
          </Descriptions.Item>
          <Descriptions.Item label={t('field.updatedAt')}>
            <TimeCell ms={d.updatedAt} />
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <LatestValues device={d} />
      <Card title={t('menu.tags')}>
        <TagsTable fixed={{ deviceId: d.id }} />
      </Card>
      <ErrorLog device={d} />
      <FormDrawer
        open={editing}
        title={t('action.editTitle', { name: d.code })}
        initial={{ ...d, _enterpriseId: d.enterpriseId } as unknown as Record<string, unknown>}
        onClose={() => setEditing(false)}
        onSubmit={async (body) => {
          await update.mutateAsync({ id: d.id, body });
          message.success(t('message.saved'));
        }}
      >
        {(f) => form.render(f, d)}
      </FormDrawer>
    </div>
  );
}
