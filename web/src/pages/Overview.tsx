/** The park at a glance: what it holds, its enterprises by industry, devices per enterprise. */
import { useMemo } from 'react';
import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import {
  ApartmentOutlined, ClusterOutlined, EnvironmentOutlined, ExperimentOutlined, TagsOutlined, TeamOutlined, ThunderboltOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useNameOf } from '../api/hooks';
import type { ParkSummary } from '../api/types';
import { useSession } from '../auth/session';
import EChart from '../components/EChart';
import { ErrorAlert } from '../components/errors';
import { useEnumLabel } from '../components/fields';
import { industryColor } from '../components/industries';
import ActiveAlarmsCard from '../components/alarms/ActiveAlarmsCard';

const COUNTS = [
  ['enterprises', <ApartmentOutlined key="e" />],
  ['sites', <EnvironmentOutlined key="s" />],
  ['units', <ClusterOutlined key="u" />],
  ['devices', <ThunderboltOutlined key="d" />],
  ['tags', <TagsOutlined key="t" />],
  ['materials', <ExperimentOutlined key="m" />],
  ['users', <TeamOutlined key="us" />],
] as const;

export default function OverviewPage() {
  const { t } = useTranslation();
  const { park } = useSession();
  const nameOf = useNameOf();
  const enumLabel = useEnumLabel();
  const summary = useQuery({ queryKey: ['summary'], queryFn: () => api.get<ParkSummary>('/park/summary') });
  const s = summary.data;

  const industryOption = useMemo(() => {
    const data = (s?.enterprisesByIndustry ?? []).filter((x) => x.count > 0).map((x) => ({ name: enumLabel('industry', x.industry), value: x.count, itemStyle: { color: industryColor(x.industry) } }));
    return {
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle' },
      series: [{ type: 'pie', radius: ['40%', '70%'], center: ['38%', '50%'], avoidLabelOverlap: true, label: { show: false }, data }],
    };
  }, [s, enumLabel]);

  const devicesOption = useMemo(() => {
    const rows = [...(s?.devicesByEnterprise ?? [])].sort((a, b) => b.count - a.count);
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 16, bottom: 8 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => nameOf(r)), axisLabel: { width: 220, overflow: 'truncate' } },
      series: [{ type: 'bar', name: t('overview.devices'), data: rows.map((r) => r.count), itemStyle: { color: '#1677ff' }, barMaxWidth: 24 }],
    };
  }, [s, nameOf, t]);

  return (
    <div data-testid="overview-page">
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="overview-title">
        {park ? nameOf(park) : t('menu.overview')}
      </Typography.Title>
      <ErrorAlert error={summary.error} />
      <Row gutter={[16, 16]}>
        {COUNTS.map(([key, icon]) => (
          <Col key={key} flex="1 1 150px">
            <Card size="small" data-testid={`stat-${key}`} loading={summary.isLoading}>
              <Statistic title={t(`overview.${key}`)} value={s?.counts?.[key] ?? 0} prefix={icon} />
            </Card>
          </Col>
        ))}
      </Row>
      <div style={{ marginTop: 16 }}>
        <ActiveAlarmsCard />
      </div>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={10}>
          <Card title={t('overview.byIndustry')} size="small">
            {s && (s.enterprisesByIndustry ?? []).length === 0 ? <Empty /> : <EChart option={industryOption} data-testid="chart-industry" />}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('overview.devicesPerEnterprise')} size="small">
            {s && (s.devicesByEnterprise ?? []).length === 0 ? <Empty /> : <EChart option={devicesOption} data-testid="chart-devices" />}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
