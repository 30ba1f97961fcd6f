/**
 * The alarm list: filters, newest first, live (the console's alarm stream updates it without a
 * reload; a new alarm flashes and, if the user turned the sound on, chimes), bulk acknowledge,
 * shelve and comment, an incident raised from the selection, and each alarm's detail and journal.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Badge, Card, Input, Select, Space, Tooltip, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Query } from '../api/client';
import {
  ALARM_CATEGORIES, SEVERITIES, STATE_FILTERS, useAlarmListener, useAlarms, useAlarmStreamState, type StateFilter,
} from '../api/alarms';
import { EnterpriseSelect } from '../components/fields';
import { ErrorAlert } from '../components/errors';
import AlarmActions from '../components/alarms/AlarmActions';
import AlarmDrawer from '../components/alarms/AlarmDrawer';
import AlarmTable from '../components/alarms/AlarmTable';
import { AlarmSoundToggle, playAlarmTone } from '../components/alarms/AlarmSound';
import { useSeesAllEnterprises } from './common';

/** How long a new row flashes. */
const FLASH_MS = 4_000;

export default function AlarmsPage() {
  const { t } = useTranslation();
  const all = useSeesAllEnterprises();
  const live = useAlarmStreamState();
  const [params, setParams] = useSearchParams();
  const state = (STATE_FILTERS as readonly string[]).includes(params.get('state') ?? '') ? (params.get('state') as StateFilter) : 'active';
  const [filters, setFilters] = useState<Query>({});
  const [q, setQ] = useState('');
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [selected, setSelected] = useState<number[]>([]);
  const [open, setOpen] = useState<number | null>(null);
  const [flashing, setFlashing] = useState<ReadonlySet<number>>(new Set());
  const timers = useRef(new Map<number, number>());

  const query: Query = { state, ...filters, q: q || undefined, limit: page.pageSize, offset: (page.current - 1) * page.pageSize };
  const list = useAlarms(query);

  const setFilter = (name: string, value: unknown) => {
    setFilters((f) => ({ ...f, [name]: value === undefined || value === null || value === '' ? undefined : (value as string | number) }));
    setPage((p) => ({ ...p, current: 1 }));
  };

  // A new alarm flashes (once it is in the list, asked again by the stream) and chimes.
  const flash = useCallback((id: number) => {
    const old = timers.current.get(id);
    if (old !== undefined) window.clearTimeout(old);
    setFlashing((s) => new Set(s).add(id));
    timers.current.set(
      id,
      window.setTimeout(() => {
        timers.current.delete(id);
        setFlashing((s) => {
          const n = new Set(s);
          n.delete(id);
          return n;
        });
      }, FLASH_MS),
    );
  }, []);
  useAlarmListener((alarm, raised) => {
    if (!raised) return;
    flash(alarm.id);
    playAlarmTone();
  });
  useEffect(() => {
    const map = timers.current;
    return () => {
      for (const id of map.values()) window.clearTimeout(id);
    };
  }, []);

  const liveStatus = live === 'open' ? 'processing' : live === 'closed' ? 'error' : live === 'reconnecting' ? 'warning' : 'default';

  return (
    <Card
      title={t('alarms.title')}
      data-testid="alarms-page"
      extra={
        <Space size="middle">
          <Tooltip title={t('alarms.liveHelp')}>
            <span data-testid="alarms-live" data-state={live}>
              <Badge status={liveStatus} text={t(`telemetry.live.${live}`)} />
            </span>
          </Tooltip>
          <AlarmSoundToggle />
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<StateFilter>
          value={state}
          onChange={(v) => {
            setParams((p) => {
              const n = new URLSearchParams(p);
              n.set('state', v);
              return n;
            }, { replace: true });
            setPage((p) => ({ ...p, current: 1 }));
          }}
          options={STATE_FILTERS.map((s) => ({ value: s, label: t(`alarms.stateFilter.${s}`) }))}
          style={{ width: 180 }}
          data-testid="filter-state"
        />
        <Select
          allowClear
          placeholder={t('alarms.field.severity')}
          value={filters.severity as string | undefined}
          onChange={(v) => setFilter('severity', v)}
          options={SEVERITIES.map((s) => ({ value: s, label: t(`alarms.severity.${s}`) }))}
          style={{ width: 140 }}
          data-testid="filter-severity"
        />
        <Select
          allowClear
          placeholder={t('alarms.field.category')}
          value={filters.category as string | undefined}
          onChange={(v) => setFilter('category', v)}
          options={ALARM_CATEGORIES.map((c) => ({ value: c, label: t(`alarms.category.${c}`) }))}
          style={{ width: 150 }}
          data-testid="filter-category"
        />
        {all && (
          <EnterpriseSelect placeholder={t('filter.enterprise')} value={filters.enterpriseId as number | undefined} onChange={(v) => setFilter('enterpriseId', v)} style={{ width: 220 }} data-testid="filter-enterprise" />
        )}
        <Input.Search
          allowClear
          placeholder={t('alarms.searchPlaceholder')}
          onSearch={(v) => {
            setQ(v.trim());
            setPage((p) => ({ ...p, current: 1 }));
          }}
          style={{ width: 240 }}
          data-testid="search"
        />
      </Space>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 12, flexWrap: 'wrap' }}>
        <Typography.Text type="secondary" data-testid="alarms-selected" data-count={selected.length}>
          {t('alarms.selected', { count: selected.length })}
        </Typography.Text>
        <AlarmActions ids={selected} incident onDone={(refused) => setSelected(refused)} />
      </div>
      <ErrorAlert error={list.error} testId="list-error" />
      <AlarmTable
        items={list.data?.items ?? []}
        loading={list.isFetching && !list.data}
        flashing={flashing}
        selected={selected}
        onSelect={setSelected}
        onOpen={(a) => setOpen(a.id)}
        showEnterprise={all}
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (current, pageSize) => setPage({ current, pageSize }),
        }}
      />
      <AlarmDrawer id={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
