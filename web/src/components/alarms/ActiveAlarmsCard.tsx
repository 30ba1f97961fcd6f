/** The park's overview: how many alarms are active, by severity, and the newest of them. */
import { Card, Empty, List, Space, Statistic, Typography } from 'antd';
import { AlertOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useFormatTime } from '../../api/hooks';
import { SEVERITIES, useAlarms, useAlarmSummary } from '../../api/alarms';
import { ErrorAlert } from '../errors';
import { SEVERITY_HEX, SeverityTag, useAlarmReason, useLevelLabel } from './AlarmLabels';

export default function ActiveAlarmsCard() {
  const { t } = useTranslation();
  const fmtTime = useFormatTime();
  const level = useLevelLabel();
  const reason = useAlarmReason();
  const active = useAlarms({ state: 'active', limit: 5 });
  const summary = useAlarmSummary();
  const bySeverity: Partial<Record<(typeof SEVERITIES)[number], number>> = summary.data?.bySeverity ?? {};
  return (
    <Card
      size="small"
      title={<Space><AlertOutlined />{t('alarms.activeTitle')}</Space>}
      extra={<Link to="/alarms?state=active" data-testid="overview-alarms-link">{t('action.open')}</Link>}
      data-testid="overview-alarms"
      loading={active.isLoading}
    >
      <ErrorAlert error={active.error} />
      <Space size="large" wrap style={{ marginBottom: 8 }}>
        <Statistic title={t('alarms.stateFilter.active')} value={active.data?.total ?? 0} data-testid="overview-alarms-active" />
        {SEVERITIES.slice().reverse().map((s) => (
          <Statistic key={s} title={t(`alarms.severity.${s}`)} value={bySeverity[s] ?? 0} styles={{ content: { color: (bySeverity[s] ?? 0) > 0 ? SEVERITY_HEX[s] : undefined } }} />
        ))}
      </Space>
      {active.data && active.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('alarms.noneActive')} />
      ) : (
        <List
          size="small"
          dataSource={active.data?.items ?? []}
          renderItem={(a) => (
            <List.Item key={a.id}>
              <Space wrap>
                <SeverityTag value={a.severity} />
                <Typography.Text strong>{a.tagId !== null ? <Link to={`/tags/${a.tagId}`}>{a.tagName ?? a.tagKey}</Link> : level(a.level)}</Typography.Text>
                <Typography.Text type="secondary">{reason(a)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{fmtTime(a.raisedAt)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
