/**
 * How alarms read: severity and state as coloured tags, the level and its reason in words, in the
 * console's language (the API's own message is in English and kept for the detail view).
 */
import { useCallback } from 'react';
import { Badge, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatTime } from '../../api/hooks';
import { useFormatValue } from '../../api/telemetry';
import type { Alarm, AlarmState, Severity } from '../../api/alarms';

export const SEVERITY_COLORS: Record<Severity, string> = { low: 'blue', medium: 'gold', high: 'orange', critical: 'red' };
/** The same colours as hex, for charts. */
export const SEVERITY_HEX: Record<Severity, string> = { low: '#1677ff', medium: '#d4b106', high: '#fa8c16', critical: '#cf1322' };

const STATE_BADGE: Record<AlarmState, 'error' | 'warning' | 'processing' | 'default' | 'success'> = {
  active_unacknowledged: 'error',
  active_acknowledged: 'warning',
  cleared_unacknowledged: 'processing',
  shelved: 'default',
  suppressed: 'default',
  normal: 'success',
};

export function SeverityTag({ value }: { value: Severity }) {
  const { t } = useTranslation();
  return (
    <Tag color={SEVERITY_COLORS[value]} data-testid="alarm-severity" data-severity={value} style={{ marginInlineEnd: 0 }}>
      {t(`alarms.severity.${value}`, { defaultValue: value })}
    </Tag>
  );
}

export function StateBadge({ value }: { value: AlarmState }) {
  const { t } = useTranslation();
  return (
    <span data-testid="alarm-state" data-state={value} style={{ whiteSpace: 'nowrap' }}>
      <Badge status={STATE_BADGE[value] ?? 'default'} text={t(`alarms.state.${value}`, { defaultValue: value })} />
    </span>
  );
}

/** The name of a level: `HH`, `ROC_UP`, `SPC3` … in words. */
export function useLevelLabel() {
  const { t } = useTranslation();
  return useCallback(
    (level: string | null) => {
      if (!level) return '';
      const spc = /^SPC([1-8])$/.exec(level);
      if (spc) return t('alarms.level.SPC', { n: spc[1], rule: t(`alarms.runRule.${spc[1]}`) });
      return t(`alarms.level.${level}`, { defaultValue: level });
    },
    [t],
  );
}

/**
 * The reason of an alarm in the console's language, from its level and detail: the value against
 * the limit, the change over the window, the predicted crossing, the last reading. Alarms of
 * other sources (balance gaps, manifests) have their own message, shown as it is.
 */
export function useAlarmReason() {
  const { t } = useTranslation();
  const fmtValue = useFormatValue();
  const fmtTime = useFormatTime();
  const level = useLevelLabel();
  return useCallback(
    (a: Pick<Alarm, 'level' | 'value' | 'detail' | 'message'>) => {
      const d = a.detail ?? {};
      const value = fmtValue(a.value);
      // An alarm of another module (a balance gap, a manifest) says itself why.
      if (!a.level) return a.message;
      if (a.level.startsWith('FORECAST') && d.predictedAt !== undefined) {
        return t('alarms.reason.forecast', { level: level(a.level), limit: fmtValue(d.limit), at: fmtTime(d.predictedAt), p: Math.round((d.probability ?? 0) * 100) });
      }
      if (a.level === 'NO_DATA') return d.lastSeenAt ? t('alarms.reason.noDataSince', { at: fmtTime(d.lastSeenAt) }) : t('alarms.reason.noDataEver');
      if (d.change !== undefined) return t('alarms.reason.change', { level: level(a.level), change: fmtValue(d.change), limit: fmtValue(d.limit) });
      if (d.runRule !== undefined) return t('alarms.reason.runRule', { level: level(a.level), value });
      if (d.completeness !== undefined && d.limit !== undefined) {
        return t('alarms.reason.window', { level: level(a.level), value, limit: fmtValue(d.limit), completeness: Math.round(d.completeness * 100) });
      }
      if (d.limit !== undefined) return t('alarms.reason.limit', { level: level(a.level), value, limit: fmtValue(d.limit) });
      if (a.message) return a.message;
      return a.value !== null ? `${level(a.level)} · ${value}` : level(a.level);
    },
    [t, fmtValue, fmtTime, level],
  );
}

/** A duration in words: 3 d 4 h, 12 min, 40 s. */
export function useDurationText() {
  const { t } = useTranslation();
  return useCallback(
    (ms: number | null | undefined) => {
      if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
      const s = Math.round(Math.abs(ms) / 1000);
      const d = Math.floor(s / 86_400);
      const h = Math.floor((s % 86_400) / 3600);
      const m = Math.floor((s % 3600) / 60);
      if (d > 0) return t('alarms.duration.dh', { d, h });
      if (h > 0) return t('alarms.duration.hm', { h, m });
      if (m > 0) return t('alarms.duration.m', { m });
      return t('alarms.duration.s', { s });
    },
    [t],
  );
}
