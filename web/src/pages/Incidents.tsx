/**
 * The incident board (应急处置): open, contained and closed incidents in three columns, each card
 * with its kind, response level, affected enterprises, age and checklist progress; and "raise an
 * incident", blank or from the alarms the alarm list selected (`/incidents?fromAlarms=1,2,3`).
 */
import { useEffect, useMemo, useState } from 'react';
import { Badge, Button, Card, Col, Drawer, Empty, Form, Input, InputNumber, Progress, Row, Select, Space, Tag, Typography } from 'antd';
import { AlertOutlined, FireOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useNameOf } from '../api/hooks';
import type { Alarm } from '../api/alarms';
import {
  INCIDENT_KINDS, INCIDENT_STATES, SEVERITY_LEVELS, SEVERITY_NAMES, reportLangOf, useIncidents, useIncidentWrite,
  type CreateIncident, type IncidentKind, type IncidentState, type IncidentSummary, type SeverityLevel,
} from '../api/incidents';
import { useSession } from '../auth/session';
import { EnterpriseSelect, UnitSelect } from '../components/fields';
import { ErrorAlert, applyFieldErrors } from '../components/errors';
import QueryState from '../components/QueryState';

export const STATE_COLOR: Record<IncidentState, string> = { open: '#cf1322', contained: '#d48806', closed: '#389e0d' };
/** The colours of China's warning levels (红橙黄蓝), level I red to IV blue. */
const LEVEL_COLOR: Record<number, string> = { 1: 'red', 2: 'orange', 3: 'gold', 4: 'blue' };

/** A response level as the plans write it: the numeral and its name (Ⅲ级 较大), in English with the Chinese name beside. */
export function SeverityTag({ level }: { level: number }) {
  const { t } = useTranslation();
  const names = SEVERITY_NAMES[level as SeverityLevel];
  if (!names) return <Tag>{level}</Tag>;
  return (
    <Tag color={LEVEL_COLOR[level]} data-testid="incident-severity">
      {t('incidents.severity', { roman: names.roman, zh: names.zh, name: t(`incidents.level.${level}`) })}
    </Tag>
  );
}

export function KindTag({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return <Tag data-testid="incident-kind">{t(`incidents.kind.${kind}`)}</Tag>;
}

/** How long since `from` (or from `from` to `to`): minutes, hours or days. */
export function useAge() {
  const { t } = useTranslation();
  return (from: number, to = Date.now()) => {
    const minutes = Math.max(0, Math.floor((to - from) / 60_000));
    if (minutes < 60) return t('incidents.minutes', { count: minutes });
    if (minutes < 48 * 60) return t('incidents.hours', { count: Math.floor(minutes / 60), minutes: minutes % 60 });
    return t('incidents.days', { count: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60) });
  };
}

export default function IncidentsPage() {
  const { t } = useTranslation();
  const { abilities } = useSession();
  const mayRaise = abilities['incident.raise'] === 'any';
  const [params, setParams] = useSearchParams();
  const fromAlarms = useMemo(
    () => [...new Set((params.get('fromAlarms') ?? '').split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0))].slice(0, 100),
    [params],
  );
  const [raising, setRaising] = useState(false);
  useEffect(() => {
    if (fromAlarms.length && mayRaise) setRaising(true);
  }, [fromAlarms.length, mayRaise]);
  const [kind, setKind] = useState<IncidentKind | undefined>();
  const list = useIncidents({ limit: 500, kind });

  const closeDrawer = () => {
    setRaising(false);
    if (params.has('fromAlarms')) {
      params.delete('fromAlarms');
      setParams(params, { replace: true });
    }
  };

  return (
    <div data-testid="page-incidents">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          <FireOutlined /> {t('incidents.title')}
        </Typography.Title>
        <Space wrap>
          <Select<IncidentKind>
            allowClear
            style={{ width: 220 }}
            placeholder={t('incidents.field.kind')}
            value={kind}
            onChange={setKind}
            options={INCIDENT_KINDS.map((k) => ({ value: k, label: t(`incidents.kind.${k}`) }))}
            data-testid="incident-kind-filter"
          />
          {mayRaise && (
            <Button type="primary" danger icon={<PlusOutlined />} onClick={() => setRaising(true)} data-testid="incident-raise">
              {t('incidents.raise')}
            </Button>
          )}
        </Space>
      </Space>
      <QueryState query={list}>
        {(page) => (
          <Row gutter={16}>
            {INCIDENT_STATES.map((state) => {
              const items = page.items.filter((i) => i.state === state);
              return (
                <Col xs={24} lg={8} key={state}>
                  <Card
                    size="small"
                    title={
                      <Space>
                        <Badge color={STATE_COLOR[state]} />
                        {t(`incidents.state.${state}`)}
                        <Tag>{items.length}</Tag>
                      </Space>
                    }
                    styles={{ body: { background: 'rgba(0,0,0,0.02)', minHeight: 240 } }}
                    data-testid={`incident-column-${state}`}
                  >
                    {items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incidents.none')} /> : items.map((i) => <IncidentCard key={i.id} incident={i} />)}
                  </Card>
                </Col>
              );
            })}
          </Row>
        )}
      </QueryState>
      <Drawer open={raising} onClose={closeDrawer} size={560} title={t('incidents.raise')} destroyOnHidden>
        {raising && <RaiseForm alarmIds={fromAlarms} onCancel={closeDrawer} />}
      </Drawer>
    </div>
  );
}

function IncidentCard({ incident: i }: { incident: IncidentSummary }) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const age = useAge();
  const ended = i.closedAt ?? undefined;
  return (
    <Link to={`/incidents/${i.id}`} data-testid={`incident-card-${i.id}`} style={{ display: 'block', marginBottom: 12, color: 'inherit' }}>
      <Card size="small" hoverable style={{ borderLeft: `4px solid ${STATE_COLOR[i.state as IncidentState]}` }}>
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Typography.Text strong ellipsis style={{ maxWidth: '100%' }}>
            #{i.id} {i.title}
          </Typography.Text>
          <Space size={4} wrap>
            <KindTag kind={i.kind} />
            <SeverityTag level={i.severity} />
            {i.alarmCount > 0 && (
              <Tag icon={<AlertOutlined />} color="volcano">
                {t('incidents.alarmCount', { count: i.alarmCount })}
              </Tag>
            )}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {i.enterprises.length ? i.enterprises.map((e) => nameOf(e)).join('、') : t('incidents.noEnterprises')}
          </Typography.Text>
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="incident-age">
              {ended ? t('incidents.lasted', { age: age(i.openedAt, ended) }) : t('incidents.age', { age: age(i.openedAt) })}
            </Typography.Text>
            <Progress
              size="small"
              style={{ width: 110, margin: 0 }}
              percent={i.checklistTotal ? Math.round((100 * i.checklistDone) / i.checklistTotal) : 0}
              format={() => `${i.checklistDone}/${i.checklistTotal}`}
            />
          </Space>
        </Space>
      </Card>
    </Link>
  );
}

/** A guess at the kind from the alarms an incident is raised from; the operator decides. */
function kindFromAlarms(alarms: readonly Alarm[]): IncidentKind {
  if (alarms.some((a) => a.category === 'emission')) return 'emission_exceedance';
  if (alarms.some((a) => a.category === 'safety')) return 'leak_release';
  return 'other';
}

interface RaiseValues {
  kind: IncidentKind;
  severity: number;
  title: string;
  description?: string;
  enterpriseIds?: number[];
  unitIds?: number[];
  lat?: number | null;
  lng?: number | null;
}

function RaiseForm({ alarmIds, onCancel }: { alarmIds: number[]; onCancel(): void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<RaiseValues>();
  const write = useIncidentWrite(reportLangOf(i18n.language));
  const [extra, setExtra] = useState<string[]>([]);
  // The alarms named in the address, each as the caller sees it (one it cannot see is left out and said so).
  const alarms = useQuery({
    queryKey: ['alarms', 'for-incident', alarmIds],
    enabled: alarmIds.length > 0,
    queryFn: async ({ signal }) => {
      const found = await Promise.all(alarmIds.map((id) => api.get<Alarm>(`/alarms/${id}`, undefined, signal).catch(() => null)));
      return found.filter((a): a is Alarm => a !== null);
    },
  });
  useEffect(() => {
    const list = alarms.data;
    if (!list?.length) return;
    form.setFieldsValue({
      kind: kindFromAlarms(list),
      severity: list.some((a) => a.severity === 'critical') ? 3 : 4,
      title: form.getFieldValue('title') || list[0].message,
    });
  }, [alarms.data, form]);

  const submit = async (v: RaiseValues) => {
    setExtra([]);
    const body: CreateIncident = {
      kind: v.kind,
      severity: v.severity,
      title: v.title,
      description: v.description ?? '',
      enterpriseIds: v.enterpriseIds ?? [],
      unitIds: v.unitIds ?? [],
      alarmIds: (alarms.data ?? []).map((a) => a.id),
      ...(v.lat !== undefined && v.lat !== null && v.lng !== undefined && v.lng !== null ? { lat: v.lat, lng: v.lng } : {}),
    };
    try {
      const created = await write.mutateAsync({ op: 'raise', body });
      navigate(`/incidents/${created.id}`);
    } catch (err) {
      setExtra(applyFieldErrors(form, err, ['kind', 'severity', 'title', 'description', 'enterpriseIds', 'unitIds', 'lat', 'lng']));
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ kind: 'other', severity: 4 }} data-testid="incident-raise-form">
      {alarmIds.length > 0 && (
        <Form.Item label={t('incidents.fromAlarms')}>
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="incident-raise-alarms">
            {(alarms.data ?? []).map((a) => (
              <Tag key={a.id} color={a.severity === 'critical' ? 'red' : a.severity === 'high' ? 'volcano' : 'gold'}>
                #{a.id} {a.enterpriseCode ?? ''} {a.message}
              </Tag>
            ))}
            {alarms.data && alarms.data.length < alarmIds.length && <Typography.Text type="warning">{t('incidents.alarmsUnavailable', { count: alarmIds.length - alarms.data.length })}</Typography.Text>}
          </Space>
        </Form.Item>
      )}
      <Form.Item name="kind" label={t('incidents.field.kind')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select options={INCIDENT_KINDS.map((k) => ({ value: k, label: t(`incidents.kind.${k}`) }))} data-testid="incident-field-kind" />
      </Form.Item>
      <Form.Item name="severity" label={t('incidents.field.severity')} rules={[{ required: true, message: t('validation.required') }]} extra={t('incidents.severityHelp')}>
        <Select options={SEVERITY_LEVELS.map((l) => ({ value: l, label: <SeverityTag level={l} /> }))} data-testid="incident-field-severity" />
      </Form.Item>
      <Form.Item name="title" label={t('incidents.field.title')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 200 }]}>
        <Input data-testid="incident-field-title" />
      </Form.Item>
      <Form.Item name="description" label={t('incidents.field.description')} rules={[{ max: 10_000 }]}>
        <Input.TextArea rows={3} data-testid="incident-field-description" />
      </Form.Item>
      <Form.Item name="enterpriseIds" label={t('incidents.field.enterprises')} extra={t('incidents.enterprisesHelp')}>
        <EnterpriseSelect mode="multiple" data-testid="incident-field-enterprises" />
      </Form.Item>
      <Form.Item name="unitIds" label={t('incidents.field.units')}>
        <UnitSelect mode="multiple" data-testid="incident-field-units" />
      </Form.Item>
      <Space>
        <Form.Item name="lat" label={t('incidents.field.lat')}>
          <InputNumber min={-90} max={90} step={0.0001} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="lng" label={t('incidents.field.lng')}>
          <InputNumber min={-180} max={180} step={0.0001} style={{ width: 160 }} />
        </Form.Item>
      </Space>
      {write.error && <ErrorAlert error={write.error} extra={extra} />}
      <Space>
        <Button type="primary" danger htmlType="submit" loading={write.isPending} data-testid="incident-raise-submit">
          {t('incidents.raiseSubmit')}
        </Button>
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
      </Space>
    </Form>
  );
}
