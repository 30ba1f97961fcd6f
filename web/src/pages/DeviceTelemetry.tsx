/**
 * The telemetry parts of a device's page: the latest value of each tag against its limits, issuing
 * the device's secret (shown once, with ready-to-run MQTT and HTTP examples), and its error log.
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Modal, Popconfirm, Space, Table, Tabs, Tag as AntTag, Typography } from 'antd';
import { KeyOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAll, useFormatTime, useNameOf } from '../api/hooks';
import { useDeviceErrors, useDeviceLatest, useFormatValue, useHealth, useIssueDeviceCredentials, useNow, useRelativeTime } from '../api/telemetry';
import type { Device, DeviceCredentials, DeviceError, LatestReading, Tag } from '../api/types';
import { ErrorAlert, useNotifyError } from '../components/errors';
import { LimitStateTag, useReasonLabel } from '../components/telemetry';

/** The MQTT topic a device publishes its readings to. */
export const telemetryTopic = (code: string) => `symbiont/v1/${code}/telemetry`;

/** The broker's usual port, until the platform says which one it listens on. */
const DEFAULT_MQTT_PORT = 1883;

interface LatestRow {
  tag: Tag;
  reading: LatestReading | undefined;
}

export function LatestValues({ device }: { device: Device }) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const fmtTime = useFormatTime();
  const fmtValue = useFormatValue();
  const relative = useRelativeTime();
  const now = useNow();
  const tags = useAll<Tag>('tags', { deviceId: device.id });
  const latest = useDeviceLatest(device.id);
  const rows = useMemo<LatestRow[]>(() => {
    const byTag = new Map((latest.data?.items ?? []).map((r) => [r.tagId, r]));
    return tags.items.map((tag) => ({ tag, reading: byTag.get(tag.id) }));
  }, [tags.items, latest.data]);

  return (
    <Card title={t('telemetry.latest')} style={{ marginBottom: 16 }} data-testid="device-latest">
      <ErrorAlert error={latest.error ?? tags.error} />
      <Table<LatestRow>
        rowKey={(r) => r.tag.id}
        size="small"
        loading={tags.isLoading || latest.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="latest-table"
        onRow={(r) => ({ 'data-tag-key': r.tag.key }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('field.key'),
            key: 'key',
            render: (_: unknown, r) => (
              <Link to={`/tags/${r.tag.id}`} data-testid="tag-link">
                <Typography.Text code>{r.tag.key}</Typography.Text>
              </Link>
            ),
          },
          { title: t('field.name'), key: 'name', render: (_: unknown, r) => nameOf(r.tag) },
          {
            title: t('telemetry.value'),
            key: 'value',
            align: 'right',
            render: (_: unknown, r) =>
              r.reading ? (
                <Typography.Text strong data-testid="latest-value">
                  {fmtValue(r.reading.value)}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">{t('telemetry.noReading')}</Typography.Text>
              ),
          },
          { title: t('field.unitOfMeasure'), key: 'unit', render: (_: unknown, r) => r.tag.unit },
          {
            title: t('telemetry.time'),
            key: 'time',
            render: (_: unknown, r) =>
              r.reading && (
                <Space size={6} style={{ whiteSpace: 'nowrap' }}>
                  <span>{fmtTime(r.reading.ts)}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {relative(Math.min(r.reading.ts, now), now)}
                  </Typography.Text>
                </Space>
              ),
          },
          { title: t('telemetry.limitStateTitle'), key: 'state', render: (_: unknown, r) => r.reading && <LimitStateTag tag={r.tag} value={r.reading.value} /> },
          {
            title: t('field.limits'),
            key: 'limits',
            render: (_: unknown, r) => (
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                {[r.tag.lowLowLimit, r.tag.lowLimit, r.tag.highLimit, r.tag.highHighLimit].map((v) => (v === null ? '–' : fmtValue(v))).join(' / ')}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** A shell command or payload, shown as code with a copy button in its corner. */
function CodeBlock({ text, testId }: { text: string; testId?: string }) {
  return (
    <div style={{ position: 'relative', marginBottom: 8 }}>
      <pre
        style={{ margin: 0, padding: '8px 40px 8px 12px', background: '#f6f8fa', border: '1px solid #eaeef2', borderRadius: 6, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12, lineHeight: 1.6 }}
        data-testid={testId}
      >
        {text}
      </pre>
      <Typography.Text copyable={{ text }} style={{ position: 'absolute', top: 6, right: 10 }} />
    </div>
  );
}

/** An example payload with the device's first tags (the middle of their normal range where there is one). */
function examplePayload(tags: Tag[]): string {
  const values: Record<string, number> = {};
  for (const tag of tags.slice(0, 2)) {
    const mid = tag.lowLimit !== null && tag.highLimit !== null ? (tag.lowLimit + tag.highLimit) / 2 : tag.highLimit ?? tag.lowLimit ?? 1;
    values[tag.key] = Math.round(mid * 100) / 100;
  }
  if (!tags.length) values['tag_key'] = 1;
  return JSON.stringify({ values });
}

/** Issues a new secret for the device (after a warning) and shows it once with examples of its use. */
export function CredentialsAction({ device }: { device: Device }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const fmtTime = useFormatTime();
  const tags = useAll<Tag>('tags', { deviceId: device.id });
  const [issued, setIssued] = useState<DeviceCredentials | null>(null);
  const issueCredentials = useIssueDeviceCredentials(device.id);
  const busy = issueCredentials.isPending;

  const issue = async () => {
    try {
      setIssued(await issueCredentials.mutateAsync());
    } catch (err) {
      notifyError(err);
    }
  };

  const health = useHealth();
  const MQTT_PORT = health.data?.mqttPort ?? DEFAULT_MQTT_PORT;
  const topic = telemetryTopic(device.code);
  const payload = examplePayload(tags.items);
  const host = window.location.hostname;
  const origin = window.location.origin;
  const token = issued?.token ?? '';
  const username = issued?.username ?? device.code;
  const mqttExample = [
    `mosquitto_pub -h ${host} -p ${MQTT_PORT} -q 1 \\`,
    `  -t '${topic}' \\`,
    `  -u '${username}' -P '${token}' \\`,
    `  -m '${payload}'`,
  ].join('\n');
  const httpExample = [
    `curl -X POST '${origin}/api/v1/telemetry' \\`,
    `  -H 'Authorization: Bearer ${token}' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '${payload}'`,
  ].join('\n');

  return (
    <>
      <Popconfirm
        title={t('telemetry.credentials.confirmTitle')}
        description={<div style={{ maxWidth: 320 }}>{t('telemetry.credentials.confirm')}</div>}
        okText={t('telemetry.credentials.issue')}
        cancelText={t('action.cancel')}
        okButtonProps={{ loading: busy, ...({ 'data-testid': 'credentials-confirm' } as object) }}
        onConfirm={issue}
      >
        <Button icon={<KeyOutlined />} data-testid="device-credentials">
          {t('telemetry.credentials.action')}
        </Button>
      </Popconfirm>
      <Modal
        open={!!issued}
        title={t('telemetry.credentials.issuedTitle', { code: device.code })}
        width={760}
        onCancel={() => setIssued(null)}
        mask={{ closable: false }}
        footer={
          <Button
            type="primary"
            onClick={() => {
              setIssued(null);
              message.info(t('telemetry.credentials.closed'));
            }}
            data-testid="credentials-done"
          >
            {t('account.keySaved')}
          </Button>
        }
        data-testid="credentials-modal"
      >
        <Alert type="warning" showIcon title={t('telemetry.credentials.once')} style={{ marginBottom: 16 }} />
        <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('telemetry.credentials.username')}>
            <Typography.Text code copyable={{ text: username }}>
              {username}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('telemetry.credentials.token')}>
            <Typography.Text code copyable={{ text: token }} style={{ wordBreak: 'break-all' }}>
              <span data-testid="device-token">{token}</span>
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('device.topic')}>
            <Typography.Text code copyable={{ text: topic }}>
              {topic}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('telemetry.credentials.issuedAt')}>{fmtTime(issued?.createdAt)}</Descriptions.Item>
        </Descriptions>
        <Tabs
          size="small"
          items={[
            {
              key: 'mqtt',
              label: 'MQTT',
              children: (
                <>
                  <CodeBlock text={mqttExample} testId="credentials-mqtt-example" />
                  <Typography.Text type="secondary">{t('telemetry.credentials.mqttHelp', { port: MQTT_PORT })}</Typography.Text>
                </>
              ),
            },
            {
              key: 'http',
              label: 'HTTP',
              children: (
                <>
                  <CodeBlock text={httpExample} testId="credentials-http-example" />
                  <Typography.Text type="secondary">{t('telemetry.credentials.httpHelp')}</Typography.Text>
                </>
              ),
            },
          ]}
        />
      </Modal>
    </>
  );
}

/** The device's refused messages, newest first. */
export function ErrorLog({ device }: { device: Device }) {
  const { t } = useTranslation();
  const fmtTime = useFormatTime();
  const reasonLabel = useReasonLabel();
  const errors = useDeviceErrors(device.id);
  return (
    <Card
      title={t('telemetry.errors')}
      data-testid="device-errors"
      style={{ marginTop: 16 }}
      extra={
        <Button size="small" icon={<ReloadOutlined />} loading={errors.isFetching} onClick={() => void errors.refetch()} data-testid="errors-refresh">
          {t('telemetry.refresh')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('telemetry.errorsHelp')}</Typography.Paragraph>
      <ErrorAlert error={errors.error} />
      <Table<DeviceError>
        rowKey={(r) => `${r.ts}-${r.source}-${r.reason}-${r.detail ?? ''}`}
        size="small"
        loading={errors.isLoading}
        dataSource={errors.data?.items ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid="errors-table"
        columns={[
          { title: t('telemetry.time'), dataIndex: 'ts', width: 180, render: (v: number) => <span style={{ whiteSpace: 'nowrap' }}>{fmtTime(v)}</span> },
          { title: t('telemetry.source'), dataIndex: 'source', width: 100, render: (v: string) => <AntTag>{t(`telemetry.via.${v}`, { defaultValue: v })}</AntTag> },
          {
            title: t('telemetry.reasonTitle'),
            dataIndex: 'reason',
            render: (v: string) => (
              <AntTag color="red" title={v} data-testid="error-reason" data-reason={v}>
                {reasonLabel(v)}
              </AntTag>
            ),
          },
          { title: t('telemetry.detail'), dataIndex: 'detail', render: (v: string | null) => v && <Typography.Text code style={{ wordBreak: 'break-all' }}>{v}</Typography.Text> },
        ]}
      />
    </Card>
  );
}
