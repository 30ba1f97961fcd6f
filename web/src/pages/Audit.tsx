/** The audit log: who changed what and when, with the change itself; park administrators verify the chain. */
import { useState } from 'react';
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuditLog, useVerifyAudit } from '../api/audit';
import type { AuditRecord, Enterprise } from '../api/types';
import { useCan } from '../auth/session';
import { ErrorAlert, useNotifyError } from '../components/errors';
import { ACTION_COLORS, AUDIT_ENTITIES } from './auditLabels';
import { LinkedName, TimeCell, useLookups, useSeesAllEnterprises } from './common';

/** An action as a translated, coloured tag; its code in the tooltip. */
function ActionTag({ action }: { action: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={ACTION_COLORS[action] ?? 'purple'} title={action} data-testid="audit-action" data-action={action}>
      {t(`audit.actions.${action}`, { defaultValue: action })}
    </Tag>
  );
}

/** An entity type, translated; its code in the tooltip. */
function EntityLabel({ entity }: { entity: string }) {
  const { t } = useTranslation();
  return (
    <span title={entity} data-testid="audit-entity-type" data-entity={entity}>
      {t(`entity.${entity}`, { defaultValue: entity })}
    </span>
  );
}

const show = (v: unknown) => (v === undefined ? '' : v === null ? 'null' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** The fields a record changed, with their values before and after. */
export function diffRows(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys
    .map((k) => ({ key: k, before: before?.[k], after: after?.[k], changed: JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k]) }))
    .filter((r) => !(before && after) || r.changed);
}

function Diff({ r }: { r: AuditRecord }) {
  const { t } = useTranslation();
  const rows = diffRows(r.before, r.after);
  return (
    <div data-testid="audit-detail">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('audit.rawCode')}: <Typography.Text code data-testid="audit-raw-action">{r.action}</Typography.Text>{' '}
        <Typography.Text code data-testid="audit-raw-entity">{r.entity}{r.entityId !== null ? ` ${r.entityId}` : ''}</Typography.Text>
      </Typography.Paragraph>
      {rows.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('audit.noChanges')}</Typography.Paragraph>
      ) : (
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          data-testid="audit-diff"
          columns={[
            { title: t('audit.field'), dataIndex: 'key', width: 200, render: (k: string) => <Typography.Text code>{k}</Typography.Text> },
            { title: t('audit.before'), dataIndex: 'before', render: (v: unknown) => <span style={{ color: '#cf1322', wordBreak: 'break-all' }}>{show(v)}</span> },
            { title: t('audit.after'), dataIndex: 'after', render: (v: unknown) => <span style={{ color: '#389e0d', wordBreak: 'break-all' }}>{show(v)}</span> },
          ]}
        />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('audit.hash')}: <Typography.Text code style={{ fontSize: 11 }}>{r.hash}</Typography.Text>
      </Typography.Text>
    </div>
  );
}

export default function AuditPage() {
  const { t } = useTranslation();
  const can = useCan();
  const all = useSeesAllEnterprises();
  const { enterprises } = useLookups({ enterprises: all });
  const notifyError = useNotifyError();
  const [entity, setEntity] = useState<string | undefined>();
  const [entityId, setEntityId] = useState('');
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const verification = useVerifyAudit();
  const verify = verification.data;

  const query = { entity, entityId: entityId || undefined, limit: page.pageSize, offset: (page.current - 1) * page.pageSize };
  const list = useAuditLog(query);

  const runVerify = () => verification.mutate(undefined, { onError: notifyError });

  return (
    <Card
      title={t('menu.audit')}
      data-testid="audit-page"
      extra={
        can('verify', 'audit') && (
          <Button icon={<SafetyCertificateOutlined />} onClick={runVerify} loading={verification.isPending} data-testid="audit-verify">
            {t('audit.verify')}
          </Button>
        )
      }
    >
      {verify && (
        <Alert
          style={{ marginBottom: 16 }}
          showIcon
          closable={{ onClose: verification.reset }}
          type={verify.ok ? 'success' : 'error'}
          data-testid="audit-verify-result"
          data-ok={verify.ok ? '1' : '0'}
          title={
            verify.ok
              ? t('audit.chainOk', { count: verify.checked })
              : t('audit.chainBroken', { seq: verify.firstBroken?.seq, reason: verify.firstBroken?.reason, count: verify.checked })
          }
        />
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('audit.entity')}
          value={entity}
          onChange={(v) => {
            setEntity(v);
            setPage((p) => ({ ...p, current: 1 }));
          }}
          options={AUDIT_ENTITIES.map((e) => ({ value: e, label: t(`entity.${e}`, { defaultValue: e }) }))}
          style={{ width: 180 }}
          data-testid="audit-entity"
        />
        <Input.Search
          allowClear
          placeholder={t('audit.entityId')}
          onSearch={(v) => {
            setEntityId(v.trim());
            setPage((p) => ({ ...p, current: 1 }));
          }}
          style={{ width: 180 }}
        />
      </Space>
      <ErrorAlert error={list.error} />
      <Table<AuditRecord>
        rowKey="seq"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        // Every record expands: to its codes as logged and its hash, and to what it changed if anything.
        expandable={{ expandedRowRender: (r) => <Diff r={r} /> }}
        onChange={(p) => setPage({ current: p.current ?? 1, pageSize: p.pageSize ?? 20 })}
        pagination={{ current: page.current, pageSize: page.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('common.total', { count: n }) }}
        data-testid="audit-table"
        columns={[
          { title: '#', dataIndex: 'seq', width: 70 },
          { title: t('audit.time'), dataIndex: 'ts', render: (v: number) => <TimeCell ms={v} /> },
          { title: t('audit.actor'), dataIndex: 'actorName' },
          { title: t('audit.action'), dataIndex: 'action', render: (a: string) => <ActionTag action={a} /> },
          { title: t('audit.entity'), dataIndex: 'entity', render: (e: string) => <EntityLabel entity={e} /> },
          { title: t('audit.entityId'), dataIndex: 'entityId' },
          ...(all
            ? [{ title: t('field.enterprise'), dataIndex: 'enterpriseId', render: (v: number | null) => (v ? <LinkedName to={`/enterprises/${v}`} row={enterprises.get(v) as Enterprise | undefined} missing={v} /> : '') }]
            : []),
        ]}
      />
    </Card>
  );
}
