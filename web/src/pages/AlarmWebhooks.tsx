/**
 * Alarm webhooks: the list, create and edit (the server's secret shown once, copyable), a signed
 * test ping, a new secret, and each webhook's deliveries — pending with their next attempt,
 * delivered, and the dead letters with a retry. What the caller may do comes from the API's
 * `alarm_webhook.*` abilities; the API enforces the same rules.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Popconfirm, Segmented, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ApiOutlined, DeleteOutlined, EditOutlined, KeyOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_TRANSITIONS, useAlarmWebhooks, useCreateWebhook, useDeleteWebhook, useDeliveries, useRetryDelivery, useRotateSecret,
  useTestWebhook, useUpdateWebhook, useWebhookCan, WEBHOOK_TRANSITIONS, type AlarmWebhook, type DeliveryStatus, type WebhookBody,
  type WebhookDelivery,
} from '../api/alarmWebhooks';
import { ALARM_CATEGORIES, SEVERITIES } from '../api/alarms';
import { useNameOf } from '../api/hooks';
import { EnterpriseSelect } from '../components/fields';
import { applyFieldErrors, ErrorAlert, useNotifyError } from '../components/errors';
import { RowAction } from '../components/ResourcePage';
import { required, TimeCell, useLookups, useSeesAllEnterprises } from './common';

const FORM_FIELDS = ['enterpriseId', 'url', 'description', 'enabled', 'minSeverity', 'categories', 'transitions'] as const;
const STATUS_COLOR: Record<DeliveryStatus, string> = { pending: 'gold', delivered: 'green', dead: 'red' };

/** The secret, shown once after a create or a rotation, with a copy button. */
function SecretModal({ secret, onClose }: { secret: string | null; onClose(): void }) {
  const { t } = useTranslation();
  return (
    // Destroyed once closed: the secret leaves the page with the dialog.
    <Modal open={secret !== null} destroyOnHidden title={t('alarmWebhooks.secretTitle')} onCancel={onClose} footer={<Button type="primary" onClick={onClose} data-testid="secret-done">{t('alarmWebhooks.done')}</Button>} data-testid="secret-modal">
      <Alert type="warning" showIcon title={t('alarmWebhooks.secretOnce')} style={{ marginBottom: 12 }} />
      <Typography.Paragraph copyable={{ text: secret ?? '', tooltips: [t('alarmWebhooks.copy'), t('alarmWebhooks.copied')] }} code data-testid="webhook-secret">
        {secret}
      </Typography.Paragraph>
    </Modal>
  );
}

/** Create or edit one webhook; on create the answer's secret goes to `onSecret`. */
function WebhookForm({ editing, open, onClose, onSecret }: { editing: AlarmWebhook | null; open: boolean; onClose(): void; onSecret(secret: string): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const all = useSeesAllEnterprises();
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const [error, setError] = useState<unknown>(null);
  const busy = create.isPending || update.isPending;

  const submit = async () => {
    const v = (await form.validateFields()) as WebhookBody;
    const body: WebhookBody = { ...v, description: v.description?.trim() ? v.description.trim() : null };
    setError(null);
    try {
      if (editing) {
        const { enterpriseId: _fixed, ...patch } = body;
        await update.mutateAsync({ id: editing.id, body: patch });
      } else {
        const created = await create.mutateAsync(all ? { ...body, enterpriseId: body.enterpriseId ?? null } : body);
        onSecret(created.secret);
      }
      onClose();
    } catch (err) {
      // Field problems go on their fields; the alert says what was refused (the guard's reason for a URL).
      applyFieldErrors(form, err, FORM_FIELDS);
      setError(err);
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? t('alarmWebhooks.editTitle', { id: editing.id }) : t('alarmWebhooks.createTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('alarmWebhooks.save')}
      cancelText={t('alarmWebhooks.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'webhook-save' } as ButtonProps}
      width={600}
      // Unmounted when hidden, so each opening starts from its record (or the defaults) and no old error.
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) setError(null);
      }}
      data-testid="webhook-form"
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={editing ?? { enabled: true, minSeverity: 'low', categories: [], transitions: DEFAULT_TRANSITIONS }}>
        {all && (
          <Form.Item name="enterpriseId" label={t('alarmWebhooks.owner')} extra={t('alarmWebhooks.parkOwner')}>
            <EnterpriseSelect disabled={!!editing} placeholder={t('alarmWebhooks.park')} data-testid="field-enterprise" />
          </Form.Item>
        )}
        <Form.Item name="url" label={t('alarmWebhooks.url')} extra={t('alarmWebhooks.urlHelp')} rules={[required(t), { type: 'url', message: t('alarmWebhooks.urlHelp') }]}>
          <Input placeholder="https://" data-testid="field-url" />
        </Form.Item>
        <Form.Item name="description" label={t('alarmWebhooks.description')}>
          <Input maxLength={500} data-testid="field-description" />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="enabled" label={t('alarmWebhooks.enabled')} valuePropName="checked">
            <Switch data-testid="field-enabled" />
          </Form.Item>
          <Form.Item name="minSeverity" label={t('alarmWebhooks.minSeverity')} rules={[required(t)]}>
            <Select style={{ width: 160 }} options={SEVERITIES.map((s) => ({ value: s, label: t(`alarms.severity.${s}`, { defaultValue: s }) }))} data-testid="field-min-severity" />
          </Form.Item>
        </Space>
        <Form.Item name="categories" label={t('alarmWebhooks.categories')} extra={t('alarmWebhooks.categoriesHelp')}>
          <Select mode="multiple" allowClear placeholder={t('alarmWebhooks.allCategories')} options={ALARM_CATEGORIES.map((c) => ({ value: c, label: t(`alarms.category.${c}`, { defaultValue: c }) }))} data-testid="field-categories" />
        </Form.Item>
        <Form.Item name="transitions" label={t('alarmWebhooks.transitions')} rules={[required(t)]}>
          <Checkbox.Group options={WEBHOOK_TRANSITIONS.map((w) => ({ value: w, label: t(`alarmWebhooks.transition.${w}`) }))} data-testid="field-transitions" />
        </Form.Item>
      </Form>
      {error !== null && <ErrorAlert error={error} testId="webhook-form-error" />}
    </Modal>
  );
}

/** One webhook's deliveries, filtered by status, with a retry for each dead letter. */
function Deliveries({ hook }: { hook: AlarmWebhook }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const can = useWebhookCan();
  const [status, setStatus] = useState<DeliveryStatus | 'all'>('all');
  const [page, setPage] = useState({ current: 1, pageSize: 10 });
  const q = useDeliveries(hook.id, status === 'all' ? undefined : status, { limit: page.pageSize, offset: (page.current - 1) * page.pageSize });
  const retry = useRetryDelivery();

  const columns: ColumnsType<WebhookDelivery> = [
    { key: 'id', title: '#', dataIndex: 'id', width: 70 },
    { key: 'status', title: t('alarmWebhooks.filter.all'), render: (_, d) => <Tag color={STATUS_COLOR[d.status]} data-testid="delivery-status" data-status={d.status}>{t(`alarmWebhooks.status.${d.status}`)}</Tag> },
    { key: 'event', title: t('alarmWebhooks.event'), render: (_, d) => <Typography.Text code>{d.event}</Typography.Text> },
    { key: 'alarm', title: t('alarmWebhooks.alarm'), render: (_, d) => (d.alarmId === null ? '—' : `#${d.alarmId}`) },
    { key: 'attempts', title: t('alarmWebhooks.attempts'), dataIndex: 'attempts' },
    { key: 'lastStatus', title: t('alarmWebhooks.lastStatus'), render: (_, d) => (d.lastStatus === null ? '—' : `HTTP ${d.lastStatus}`) },
    {
      key: 'lastError',
      title: t('alarmWebhooks.lastError'),
      render: (_, d) => (d.lastError ? <Typography.Text type="danger" ellipsis={{ tooltip: d.lastError }} style={{ maxWidth: 260 }}>{d.lastError}</Typography.Text> : '—'),
    },
    { key: 'next', title: t('alarmWebhooks.nextAttempt'), render: (_, d) => <TimeCell ms={d.nextAttemptAt} /> },
    { key: 'delivered', title: t('alarmWebhooks.deliveredAt'), render: (_, d) => <TimeCell ms={d.deliveredAt} /> },
    { key: 'created', title: t('alarmWebhooks.createdAt'), render: (_, d) => <TimeCell ms={d.createdAt} /> },
    {
      key: 'actions',
      render: (_, d) =>
        d.status === 'dead' && can('retry', hook.enterpriseId) ? (
          <Button
            size="small"
            loading={retry.isPending && retry.variables === d.id}
            onClick={() =>
              retry.mutateAsync(d.id).then(
                () => message.success(t('alarmWebhooks.retried')),
                (err: unknown) => notifyError(err),
              )
            }
            data-testid={`retry-${d.id}`}
          >
            {t('alarmWebhooks.retry')}
          </Button>
        ) : null,
    },
  ];

  return (
    <div data-testid={`deliveries-${hook.id}`}>
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('alarmWebhooks.deliveriesOf', { id: hook.id })}</Typography.Text>
        <Segmented<DeliveryStatus | 'all'>
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage((p) => ({ ...p, current: 1 }));
          }}
          options={(['all', 'pending', 'delivered', 'dead'] as const).map((s) => ({ value: s, label: <span data-testid={`deliveries-filter-${s}`}>{t(`alarmWebhooks.filter.${s}`)}</span> }))}
        />
      </Space>
      {q.error ? <ErrorAlert error={q.error} /> : null}
      <Table<WebhookDelivery>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={q.data?.items ?? []}
        loading={q.isLoading}
        locale={{ emptyText: t('alarmWebhooks.noDeliveries') }}
        pagination={{ current: page.current, pageSize: page.pageSize, total: q.data?.total ?? 0, onChange: (current, pageSize) => setPage({ current, pageSize }) }}
        scroll={{ x: true }}
        data-testid={`deliveries-table-${hook.id}`}
      />
    </div>
  );
}

export default function AlarmWebhooksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const can = useWebhookCan();
  const all = useSeesAllEnterprises();
  const { enterprises } = useLookups({ enterprises: all });
  const nameOf = useNameOf();
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const list = useAlarmWebhooks({ limit: page.pageSize, offset: (page.current - 1) * page.pageSize, sort: 'id', order: 'desc' });
  const [editing, setEditing] = useState<AlarmWebhook | null | undefined>(undefined);
  const [secret, setSecret] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<number[]>([]);
  const test = useTestWebhook();
  const rotate = useRotateSecret();
  const del = useDeleteWebhook();

  const sendTest = async (hook: AlarmWebhook) => {
    try {
      const d = await test.mutateAsync(hook.id);
      if (d.status === 'delivered') message.success(t('alarmWebhooks.testSent', { status: d.lastStatus }));
      else message.warning(t('alarmWebhooks.testFailed', { error: d.lastError ?? '' }));
      setExpanded((keys) => (keys.includes(hook.id) ? keys : [...keys, hook.id]));
    } catch (err) {
      notifyError(err);
    }
  };

  const columns: ColumnsType<AlarmWebhook> = [
    { key: 'id', title: '#', dataIndex: 'id', width: 70 },
    {
      key: 'url',
      title: t('alarmWebhooks.url'),
      render: (_, w) => (
        <span>
          <Typography.Text code data-testid="webhook-url">{w.url}</Typography.Text>
          {w.description && <div><Typography.Text type="secondary">{w.description}</Typography.Text></div>}
        </span>
      ),
    },
    ...(all
      ? [{ key: 'owner', title: t('alarmWebhooks.owner'), render: (_: unknown, w: AlarmWebhook) => (w.enterpriseId === null ? <Tag color="purple">{t('alarmWebhooks.park')}</Tag> : nameOf(enterprises.get(w.enterpriseId)) || `#${w.enterpriseId}`) }]
      : []),
    { key: 'enabled', title: t('alarmWebhooks.enabled'), render: (_, w) => (w.enabled ? <Tag color="green">✓</Tag> : <Tag>—</Tag>) },
    { key: 'severity', title: t('alarmWebhooks.minSeverity'), render: (_, w) => t(`alarms.severity.${w.minSeverity}`, { defaultValue: w.minSeverity }) },
    {
      key: 'categories',
      title: t('alarmWebhooks.categories'),
      render: (_, w) => (w.categories.length === 0 ? t('alarmWebhooks.allCategories') : w.categories.map((c) => <Tag key={c}>{t(`alarms.category.${c}`, { defaultValue: c })}</Tag>)),
    },
    { key: 'transitions', title: t('alarmWebhooks.transitions'), render: (_, w) => w.transitions.map((x) => <Tag key={x}>{t(`alarmWebhooks.transition.${x}`)}</Tag>) },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, w) => (
        <Space size={0}>
          {can('test', w.enterpriseId) && <RowAction label={t('alarmWebhooks.test')} icon={<SendOutlined />} loading={test.isPending && test.variables === w.id} onClick={() => void sendTest(w)} data-testid={`test-${w.id}`} />}
          <RowAction
            label={t('alarmWebhooks.deliveries')}
            icon={<ApiOutlined />}
            onClick={() => setExpanded((keys) => (keys.includes(w.id) ? keys.filter((k) => k !== w.id) : [...keys, w.id]))}
            data-testid={`deliveries-toggle-${w.id}`}
          />
          {can('update', w.enterpriseId) && <RowAction label={t('alarmWebhooks.edit')} icon={<EditOutlined />} onClick={() => setEditing(w)} data-testid={`edit-${w.id}`} />}
          {can('rotate', w.enterpriseId) && (
            <Popconfirm title={t('alarmWebhooks.rotateConfirm')} onConfirm={() => rotate.mutateAsync(w.id).then((r) => setSecret(r.secret), (err: unknown) => notifyError(err))}>
              <RowAction label={t('alarmWebhooks.rotate')} icon={<KeyOutlined />} data-testid={`rotate-${w.id}`} />
            </Popconfirm>
          )}
          {can('delete', w.enterpriseId) && (
            <Popconfirm title={t('alarmWebhooks.deleteConfirm')} onConfirm={() => del.mutateAsync(w.id).catch((err: unknown) => notifyError(err))}>
              <RowAction label={t('alarmWebhooks.delete')} icon={<DeleteOutlined />} danger data-testid={`delete-${w.id}`} />
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('alarmWebhooks.title')}
      data-testid="page-alarm-webhooks"
      extra={can('create') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="webhook-create">{t('alarmWebhooks.create')}</Button> : null}
    >
      <Alert type="info" showIcon title={all ? t('alarmWebhooks.introPark') : t('alarmWebhooks.intro')} description={t('alarmWebhooks.docs')} style={{ marginBottom: 16 }} />
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Table<AlarmWebhook>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isLoading}
        scroll={{ x: true }}
        expandable={{ expandedRowKeys: expanded, onExpandedRowsChange: (keys) => setExpanded(keys as number[]), expandedRowRender: (w) => <Deliveries hook={w} /> }}
        pagination={{ current: page.current, pageSize: page.pageSize, total: list.data?.total ?? 0, onChange: (current, pageSize) => setPage({ current, pageSize }), showTotal: (total) => t('common.total', { count: total }) }}
        data-testid="alarm-webhooks-table"
      />
      <WebhookForm editing={editing ?? null} open={editing !== undefined} onClose={() => setEditing(undefined)} onSecret={setSecret} />
      <SecretModal secret={secret} onClose={() => setSecret(null)} />
    </Card>
  );
}
