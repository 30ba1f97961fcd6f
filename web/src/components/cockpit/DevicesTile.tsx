/**
 * Devices online and offline: the caller's devices (every one in the park, or its enterprise's) by
 * their connection state as the device list reports it, asked again every 30 s; the offline ones
 * named, each linking to its page.
 */
import { Card, Empty, List, Space, Statistic, Typography } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useNameOf } from '../../api/hooks';
import type { Device, Page } from '../../api/types';
import { ErrorAlert } from '../errors';
import { countDevices } from './counts';

const REFRESH_MS = 30_000;
const LISTED = 5;

export default function DevicesTile() {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const devices = useQuery({
    queryKey: ['devices', 'cockpit'],
    queryFn: ({ signal }) => api.get<Page<Device>>('/devices', { limit: 1000 }, signal),
    refetchInterval: REFRESH_MS,
  });
  const counts = countDevices(devices.data?.items ?? []);
  return (
    <Card
      size="small"
      title={<Space><ThunderboltOutlined />{t('cockpit.devices.title')}</Space>}
      extra={<Link to="/devices" data-testid="cockpit-devices-link">{t('action.open')}</Link>}
      loading={devices.isLoading}
      data-testid="cockpit-devices"
      data-online={counts.online}
      data-offline={counts.offline}
      style={{ height: '100%' }}
    >
      <ErrorAlert error={devices.error} />
      {devices.data && devices.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cockpit.devices.none')}>
          <Link to="/devices">{t('cockpit.devices.toDevices')}</Link>
        </Empty>
      ) : (
        <>
          <Space size="large" wrap>
            <Statistic title={t('cockpit.devices.online')} value={counts.online} styles={{ content: { color: '#389e0d' } }} data-testid="cockpit-devices-online" />
            <Statistic title={t('cockpit.devices.offline')} value={counts.offline} styles={{ content: { color: counts.offline > 0 ? '#cf1322' : undefined } }} data-testid="cockpit-devices-offline" />
            {counts.outOfService > 0 && <Statistic title={t('cockpit.devices.outOfService')} value={counts.outOfService} />}
          </Space>
          {counts.offlineDevices.length > 0 && (
            <List
              size="small"
              header={<Typography.Text type="secondary">{t('cockpit.devices.offlineList')}</Typography.Text>}
              dataSource={counts.offlineDevices.slice(0, LISTED)}
              renderItem={(d) => (
                <List.Item key={d.id}>
                  <Link to={`/devices/${d.id}`}>{nameOf(d) || d.code}</Link>
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Card>
  );
}
