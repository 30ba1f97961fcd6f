/** Small views of telemetry the pages share: a device's status, a value's limit state, a refusal's reason. */
import { Badge, Space, Tag as AntTag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatTime } from '../api/hooks';
import { LIMIT_COLORS, limitState, useRelativeTime } from '../api/telemetry';
import type { DeviceStatus, Tag } from '../api/types';

/** Online / offline and when the device was last heard of (relative; the park's time in the tooltip). */
export function DeviceStatusBadge({ status, now, showVia, compact }: { status: DeviceStatus | undefined; now: number; showVia?: boolean; compact?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormatTime();
  const relative = useRelativeTime();
  const online = !!status?.online;
  const last = status?.lastSeenAt ?? null;
  return (
    <Space size={compact ? 0 : 6} vertical={compact} style={{ whiteSpace: 'nowrap' }} data-testid="device-status" data-online={online ? '1' : '0'}>
      <Badge status={online ? 'success' : 'default'} text={online ? t('telemetry.online') : t('telemetry.offline')} />
      <Typography.Text type="secondary" title={last !== null ? fmt(last) : undefined} style={{ fontSize: 12 }}>
        {last !== null ? relative(Math.min(last, now), now) : t('telemetry.neverSeen')}
      </Typography.Text>
      {showVia && status?.via && <AntTag>{t(`telemetry.via.${status.via}`, { defaultValue: status.via })}</AntTag>}
    </Space>
  );
}

/** The limit state of a value as a colored tag: within limits, above H/HH, below L/LL. */
export function LimitStateTag({ tag, value }: { tag: Pick<Tag, 'lowLowLimit' | 'lowLimit' | 'highLimit' | 'highHighLimit'>; value: number }) {
  const { t } = useTranslation();
  const state = limitState(tag, value);
  return (
    <AntTag color={LIMIT_COLORS[state]} data-testid="limit-state" data-state={state}>
      {t(`telemetry.limitState.${state}`)}
    </AntTag>
  );
}

/** The translated reason of a refused message (reasons the console does not know are shown as sent). */
export function useReasonLabel() {
  const { t } = useTranslation();
  return (reason: string) => t(`telemetry.reason.${reason}`, { defaultValue: reason });
}
