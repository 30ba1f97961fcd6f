/**
 * Active alarms on the cockpit: how many, by severity, and the newest five on one line each (the
 * reason cut short, whole on hover), each linking to its tag; the tile opens the active alarms. The
 * caller's alarms only (the alarms API scopes them), kept current by the console's alarm stream. A
 * cockpit tile keeps its height: the alarms page shows the reasons whole.
 */
import { Card, Empty, List, Space, Statistic, Typography } from 'antd';
import { AlertOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useFormatTime } from '../../api/hooks';
import { SEVERITIES, useAlarms, useAlarmSummary } from '../../api/alarms';
import { ErrorAlert } from '../errors';
import { SEVERITY_HEX, SeverityTag, useAlarmReason, useLevelLabel } from '../alarms/AlarmLabels';

export default function AlarmsTile() {
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
      data-active={active.data?.total ?? ''}
      loading={active.isLoading}
      style={{ height: '100%' }}
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
          renderItem={(a) => {
            const why = reason(a);
            return (
              <List.Item key={a.id} data-testid="cockpit-alarm" style={{ display: 'block' }}>
                <Space size={6} style={{ width: '100%' }}>
                  <SeverityTag value={a.severity} />
                  {a.tagId !== null ? (
                    <Link to={`/tags/${a.tagId}`} style={{ whiteSpace: 'nowrap' }}>{a.tagName ?? a.tagKey}</Link>
                  ) : (
                    <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>{level(a.level)}</Typography.Text>
                  )}
                  <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{fmtTime(a.raisedAt)}</Typography.Text>
                </Space>
                <Typography.Text type="secondary" ellipsis={{ tooltip: why }} style={{ display: 'block', fontSize: 12 }}>
                  {why}
                </Typography.Text>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
