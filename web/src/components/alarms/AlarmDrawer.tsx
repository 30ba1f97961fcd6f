/** One alarm in a drawer: what it is, why, where, its state and actions, and its journal (every transition, who and why). */
import { Descriptions, Drawer, Empty, Space, Timeline, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useFormatTime } from '../../api/hooks';
import { useFormatValue } from '../../api/telemetry';
import { SEVERITIES, useAlarm, useAlarmHistory, type Alarm, type AlarmJournalEntry } from '../../api/alarms';
import QueryState from '../QueryState';
import { ErrorAlert } from '../errors';
import AlarmActions from './AlarmActions';
import { SEVERITY_HEX, SeverityTag, StateBadge, useAlarmReason, useDurationText, useLevelLabel } from './AlarmLabels';

export default function AlarmDrawer({ id, onClose }: { id: number | null; onClose(): void }) {
  const { t } = useTranslation();
  const alarm = useAlarm(id ?? undefined);
  return (
    <Drawer open={id !== null} onClose={onClose} size={640} title={id !== null ? t('alarms.detailTitle', { id }) : ''} destroyOnHidden data-testid="alarm-drawer">
      {id !== null && <QueryState query={alarm}>{(a) => <AlarmDetail a={a} />}</QueryState>}
    </Drawer>
  );
}

function AlarmDetail({ a }: { a: Alarm }) {
  const { t } = useTranslation();
  const fmtTime = useFormatTime();
  const fmtValue = useFormatValue();
  const reason = useAlarmReason();
  const level = useLevelLabel();
  const duration = useDurationText();
  const d = a.detail ?? {};
  return (
    <div data-testid="alarm-detail" data-state={a.state}>
      <Space style={{ marginBottom: 12 }} wrap>
        <SeverityTag value={a.severity} />
        <StateBadge value={a.state} />
        <Typography.Text strong>{level(a.level)}</Typography.Text>
      </Space>
      <Typography.Paragraph>{reason(a)}</Typography.Paragraph>
      <div style={{ marginBottom: 16 }}>
        <AlarmActions ids={[a.id]} size="small" />
      </div>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('alarms.field.category')}>{t(`alarms.category.${a.category}`, { defaultValue: a.category })}</Descriptions.Item>
        {a.tagId !== null && (
          <Descriptions.Item label={t('alarms.field.tag')}>
            <Link to={`/tags/${a.tagId}`} data-testid="alarm-detail-tag">{a.tagName ?? a.tagKey ?? `#${a.tagId}`}</Link>
            {a.tagKey && <Typography.Text code style={{ marginInlineStart: 6 }}>{a.tagKey}</Typography.Text>}
          </Descriptions.Item>
        )}
        {a.deviceId !== null && (
          <Descriptions.Item label={t('alarms.field.device')}>
            <Link to={`/devices/${a.deviceId}`}>{a.deviceCode ?? `#${a.deviceId}`}</Link>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('alarms.field.enterprise')}>
          <Link to={`/enterprises/${a.enterpriseId}`}>{a.enterpriseCode ?? `#${a.enterpriseId}`}</Link>
        </Descriptions.Item>
        {a.ruleId !== null && (
          <Descriptions.Item label={t('alarms.field.rule')}>
            <Link to="/alarm-rules">#{a.ruleId}</Link>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('alarms.field.value')}>{fmtValue(a.value)}</Descriptions.Item>
        {d.limit !== undefined && <Descriptions.Item label={t('alarms.field.limit')}>{fmtValue(d.limit)}</Descriptions.Item>}
        {d.windowStart !== undefined && d.windowEnd !== undefined && (
          <Descriptions.Item label={t('alarms.field.window')}>{`${fmtTime(d.windowStart)} – ${fmtTime(d.windowEnd)}`}</Descriptions.Item>
        )}
        {d.completeness !== undefined && <Descriptions.Item label={t('alarms.field.completeness')}>{`${Math.round(d.completeness * 100)}%`}</Descriptions.Item>}
        {d.runRule !== undefined && <Descriptions.Item label={t('alarms.field.runRule')}>{t(`alarms.runRule.${d.runRule}`, { defaultValue: d.runRuleName ?? String(d.runRule) })}</Descriptions.Item>}
        {d.predictedAt !== undefined && (
          <Descriptions.Item label={t('alarms.field.predictedAt')}>
            {fmtTime(d.predictedAt)}
            {d.probability !== undefined && ` (${Math.round(d.probability * 100)}%)`}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('alarms.field.raisedAt')}>{fmtTime(a.raisedAt)}</Descriptions.Item>
        {a.clearedAt !== null && a.raisedAt !== null && (
          <Descriptions.Item label={t('alarms.field.clearedAt')}>{`${fmtTime(a.clearedAt)} (${duration(a.clearedAt - a.raisedAt)})`}</Descriptions.Item>
        )}
        {a.ackedAt !== null && <Descriptions.Item label={t('alarms.field.ackedAt')}>{fmtTime(a.ackedAt)}</Descriptions.Item>}
        {a.shelvedUntil !== null && <Descriptions.Item label={t('alarms.field.shelvedUntil')}>{fmtTime(a.shelvedUntil)}</Descriptions.Item>}
        {a.message && <Descriptions.Item label={t('alarms.field.message')}>{a.message}</Descriptions.Item>}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 20 }}>{t('alarms.journal')}</Typography.Title>
      <Journal id={a.id} />
    </div>
  );
}

/** A journal entry's dot: the severity it carried (a name, or the lifecycle's rank 1..4), green on return to normal. */
function journalColor(e: AlarmJournalEntry): string {
  const sev = typeof e.severity === 'number' ? SEVERITIES[Math.min(4, Math.max(1, e.severity)) - 1] : e.severity;
  if (sev) return SEVERITY_HEX[sev];
  return e.toState === 'normal' ? 'green' : 'gray';
}

function Journal({ id }: { id: number }) {
  const { t } = useTranslation();
  const fmtTime = useFormatTime();
  const fmtValue = useFormatValue();
  const level = useLevelLabel();
  const history = useAlarmHistory(id);
  const items = history.data?.items ?? [];
  const state = (s: AlarmJournalEntry['fromState']) => (s ? t(`alarms.state.${s}`, { defaultValue: s }) : '');
  if (history.error) return <ErrorAlert error={history.error} />;
  if (history.data && items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      data-testid="alarm-journal"
      items={items.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: journalColor(e),
        content: (
          <div data-testid="journal-entry" data-event={e.event}>
            <Typography.Text strong>{t(`alarms.event.${e.event}`, { defaultValue: e.event })}</Typography.Text>
            {e.fromState && e.toState && e.fromState !== e.toState && (
              <Typography.Text type="secondary">{`  ${state(e.fromState)} → ${state(e.toState)}`}</Typography.Text>
            )}
            <div style={{ fontSize: 12 }}>
              <Typography.Text type="secondary">
                {fmtTime(e.at)} · {e.byName ?? (e.by === null || e.by === 'system' ? t('alarms.system') : `#${e.by}`)}
                {e.level ? ` · ${level(e.level)}` : ''}
                {e.value !== null ? ` · ${fmtValue(e.value)}` : ''}
                {e.why ? ` · ${t(`alarms.why.${e.why}`, { defaultValue: e.why })}` : ''}
              </Typography.Text>
            </div>
            {e.note && <Typography.Paragraph style={{ margin: '4px 0 0' }}>{e.note}</Typography.Paragraph>}
          </div>
        ),
      }))}
    />
  );
}
