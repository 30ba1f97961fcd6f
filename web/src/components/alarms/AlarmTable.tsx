/**
 * Alarms as a table: severity, state, when raised, what and why, the tag and device, the value.
 * Rows just raised flash for a few seconds; rows may be selected for bulk actions.
 */
import { useMemo } from 'react';
import { Table, Typography } from 'antd';
import type { ColumnsType, TablePaginationConfig } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useFormatTime } from '../../api/hooks';
import { useFormatValue } from '../../api/telemetry';
import type { Alarm } from '../../api/alarms';
import { SeverityTag, StateBadge, useAlarmReason, useLevelLabel } from './AlarmLabels';

/** A flash of a new row: a red tint that fades out, twice. */
const FLASH_CSS = `
@keyframes symbiont-alarm-flash { 0%, 50% { background: rgba(255, 77, 79, 0.28); } 25%, 100% { background: transparent; } }
.symbiont-alarm-flash > td { animation: symbiont-alarm-flash 1.6s ease-out 2; }
`;

interface Props {
  items: Alarm[];
  loading?: boolean;
  /** Ids of rows to flash (just raised). */
  flashing?: ReadonlySet<number>;
  selected?: number[];
  onSelect?(ids: number[]): void;
  onOpen?(alarm: Alarm): void;
  showEnterprise?: boolean;
  /** Leave out the tag and device columns (the tag's own page). */
  hideTag?: boolean;
  pagination?: TablePaginationConfig | false;
  testId?: string;
}

export default function AlarmTable({ items, loading, flashing, selected, onSelect, onOpen, showEnterprise, hideTag, pagination, testId = 'alarms-table' }: Props) {
  const { t } = useTranslation();
  const fmtTime = useFormatTime();
  const fmtValue = useFormatValue();
  const reason = useAlarmReason();
  const level = useLevelLabel();

  const columns = useMemo<ColumnsType<Alarm>>(
    () => [
      { title: t('alarms.field.severity'), dataIndex: 'severity', width: 1, render: (v: Alarm['severity']) => <SeverityTag value={v} /> },
      { title: t('alarms.field.state'), dataIndex: 'state', width: 1, render: (v: Alarm['state']) => <StateBadge value={v} /> },
      { title: t('alarms.field.raisedAt'), dataIndex: 'raisedAt', width: 1, render: (v: number) => <span style={{ whiteSpace: 'nowrap' }}>{fmtTime(v)}</span> },
      {
        title: t('alarms.field.level'),
        dataIndex: 'level',
        render: (v: string, r) => (
          <span>
            <Typography.Text strong data-testid="alarm-level" data-level={v}>{level(v)}</Typography.Text>
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="alarm-reason">{reason(r)}</Typography.Text>
          </span>
        ),
      },
      { title: t('alarms.field.category'), dataIndex: 'category', render: (v: string) => t(`alarms.category.${v}`, { defaultValue: v }) },
      ...(hideTag
        ? []
        : [
            {
              title: t('alarms.field.tag'),
              key: 'tag',
              render: (_: unknown, r: Alarm) =>
                r.tagId !== null ? (
                  <Link to={`/tags/${r.tagId}`} onClick={(e) => e.stopPropagation()} data-testid="alarm-tag-link">
                    {r.tagName ?? r.tagKey ?? `#${r.tagId}`}
                    {r.tagKey && r.tagName ? <Typography.Text type="secondary" code style={{ marginInlineStart: 4 }}>{r.tagKey}</Typography.Text> : null}
                  </Link>
                ) : (
                  <Typography.Text type="secondary">{t(`alarms.source.${r.source}`, { defaultValue: r.source })}</Typography.Text>
                ),
            },
            {
              title: t('alarms.field.device'),
              key: 'device',
              render: (_: unknown, r: Alarm) =>
                r.deviceId !== null ? (
                  <Link to={`/devices/${r.deviceId}`} onClick={(e) => e.stopPropagation()}>{r.deviceCode ?? `#${r.deviceId}`}</Link>
                ) : null,
            },
          ]),
      ...(showEnterprise ? [{ title: t('alarms.field.enterprise'), dataIndex: 'enterpriseCode', render: (v: string | null, r: Alarm) => v ?? `#${r.enterpriseId}` }] : []),
      { title: t('alarms.field.value'), dataIndex: 'value', align: 'right' as const, render: (v: number | null) => <span data-testid="alarm-value">{fmtValue(v)}</span> },
    ],
    [t, fmtTime, fmtValue, reason, level, showEnterprise, hideTag],
  );

  return (
    <>
      <style>{FLASH_CSS}</style>
      <Table<Alarm>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={loading}
        scroll={{ x: 'max-content' }}
        pagination={pagination}
        rowSelection={onSelect ? { selectedRowKeys: selected ?? [], onChange: (keys) => onSelect(keys as number[]), preserveSelectedRowKeys: true } : undefined}
        rowClassName={(r) => (flashing?.has(r.id) ? 'symbiont-alarm-flash' : '')}
        onRow={(r) => ({
          onClick: onOpen ? () => onOpen(r) : undefined,
          style: onOpen ? { cursor: 'pointer' } : undefined,
          'data-alarm-id': r.id,
          'data-state': r.state,
          'data-flash': flashing?.has(r.id) ? '1' : '0',
        }) as React.HTMLAttributes<HTMLElement>}
        data-testid={testId}
      />
    </>
  );
}
