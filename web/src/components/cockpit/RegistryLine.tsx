/** What the registry holds, as one small line at the bottom of the cockpit, each count linking to its list. */
import { Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ParkSummary } from '../../api/types';

const COUNTS = [
  ['enterprises', '/enterprises'],
  ['sites', '/sites'],
  ['units', '/units'],
  ['devices', '/devices'],
  ['tags', '/tags'],
  ['materials', '/materials'],
  ['users', '/users'],
] as const;

export default function RegistryLine() {
  const { t } = useTranslation();
  const summary = useQuery({ queryKey: ['summary'], queryFn: () => api.get<ParkSummary>('/park/summary') });
  if (!summary.data) return null;
  return (
    <Space size="middle" wrap data-testid="cockpit-registry" style={{ fontSize: 12 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('cockpit.registry')}</Typography.Text>
      {COUNTS.map(([key, to]) => (
        <Link key={key} to={to} data-testid={`stat-${key}`} style={{ fontSize: 12 }}>
          {t(`overview.${key}`)} {summary.data.counts?.[key] ?? 0}
        </Link>
      ))}
    </Space>
  );
}
