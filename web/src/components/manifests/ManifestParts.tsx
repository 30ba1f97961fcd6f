/**
 * The parts of a manifest's page: its lines and legs (a table on a wide screen, cards on a phone),
 * the signatures as a timeline (who, when, where, what was seen, the hash), the discrepancy.
 */
import { Card, Descriptions, Empty, List, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatTime, useNameOf } from '../../api/hooks';
import type { ManifestDetail, ManifestLegOut, ManifestLineOut, ManifestSignature } from '../../api/manifests';
import { formatNumber } from '../flows/format';

const dash = '–';

export function LinesView({ m, phone }: { m: ManifestDetail; phone: boolean }) {
  const { t, i18n } = useTranslation();
  const nameOf = useNameOf();
  const fmt = (n: number | null, unit: string) => (n === null ? dash : `${formatNumber(n, i18n.language)} ${unit}`);
  const materialOf = (l: ManifestLineOut) => nameOf({ name: l.materialName, nameEn: l.materialNameEn });
  const hazards = (l: ManifestLineOut) => l.hazards.map((h) => <Tag key={h} color="red">{t(`manifests.hazard.${h}`)}</Tag>);
  if (phone) {
    return (
      <List
        dataSource={m.lines}
        data-testid="manifest-lines"
        renderItem={(l) => (
          <Card size="small" style={{ marginBottom: 8 }} data-testid="manifest-line" data-line={l.line}>
            <Typography.Text strong>{l.line}. {materialOf(l)}</Typography.Text>
            <Descriptions size="small" column={1} style={{ marginTop: 4 }}>
              <Descriptions.Item label={t('manifests.field.hwCode')}>{l.hwCode}</Descriptions.Item>
              <Descriptions.Item label={t('manifests.field.packaging')}>{t(`manifests.form.${l.form}`)} · {l.containers} × {t(`manifests.packaging.${l.packaging}`)}</Descriptions.Item>
              <Descriptions.Item label={t('manifests.field.quantity')}>{fmt(l.quantity, l.unit)}</Descriptions.Item>
              {l.received !== null && <Descriptions.Item label={t('manifests.field.received')}>{fmt(l.received, l.unit)}</Descriptions.Item>}
              {l.rejected !== null && l.rejected > 0 && <Descriptions.Item label={t('manifests.field.rejected')}>{fmt(l.rejected, l.unit)}</Descriptions.Item>}
              {l.method && <Descriptions.Item label={t('manifests.field.method')}>{l.method} · {fmt(l.processed, l.unit)}</Descriptions.Item>}
              {l.hazards.length > 0 && <Descriptions.Item label={t('manifests.field.hazards')}>{hazards(l)}</Descriptions.Item>}
            </Descriptions>
          </Card>
        )}
      />
    );
  }
  return (
    <Table<ManifestLineOut>
      rowKey="line"
      size="small"
      pagination={false}
      dataSource={m.lines}
      data-testid="manifest-lines"
      onRow={(l) => ({ 'data-testid': 'manifest-line', 'data-line': l.line }) as React.HTMLAttributes<HTMLElement>}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '#', dataIndex: 'line', key: 'line', width: 40 },
        { title: t('manifests.field.material'), key: 'material', render: (_: unknown, l) => materialOf(l) },
        { title: t('manifests.field.hwCode'), dataIndex: 'hwCode', key: 'hwCode' },
        { title: t('manifests.field.form'), key: 'form', render: (_: unknown, l) => t(`manifests.form.${l.form}`) },
        { title: t('manifests.field.packaging'), key: 'packaging', render: (_: unknown, l) => `${l.containers} × ${t(`manifests.packaging.${l.packaging}`)}` },
        { title: t('manifests.field.quantity'), key: 'quantity', align: 'right', render: (_: unknown, l) => fmt(l.quantity, l.unit) },
        { title: t('manifests.field.received'), key: 'received', align: 'right', render: (_: unknown, l) => fmt(l.received, l.unit) },
        { title: t('manifests.field.rejected'), key: 'rejected', align: 'right', render: (_: unknown, l) => fmt(l.rejected, l.unit) },
        { title: t('manifests.field.method'), key: 'method', render: (_: unknown, l) => (l.method ? `${l.method} · ${fmt(l.processed, l.unit)}` : dash) },
        { title: t('manifests.field.hazards'), key: 'hazards', render: (_: unknown, l) => hazards(l) },
        { title: t('manifests.field.batches'), key: 'batches', render: (_: unknown, l) => <Typography.Text style={{ fontSize: 12 }} ellipsis={{ tooltip: l.batches.join('\n') }}>{l.batches.join(', ')}</Typography.Text> },
      ]}
    />
  );
}

export function LegsView({ m, phone }: { m: ManifestDetail; phone: boolean }) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const formatTime = useFormatTime();
  if (!m.legs.length) return <Empty description={t('manifests.noLegs')} />;
  if (phone) {
    return (
      <List
        dataSource={m.legs}
        data-testid="manifest-legs"
        renderItem={(l) => (
          <Card size="small" style={{ marginBottom: 8 }} data-testid="manifest-leg" data-leg={l.leg}>
            <Typography.Text strong>{t('manifests.leg', { leg: l.leg })}: {nameOf(l.transporter)}</Typography.Text>
            <div>{l.vehicle}{l.driver ? ` · ${l.driver}` : ''}{l.driverPhone ? ` · ${l.driverPhone}` : ''}</div>
            {l.tookOverAt && <Typography.Text type="secondary">{t('manifests.tookOver', { at: formatTime(l.tookOverAt) })}</Typography.Text>}
          </Card>
        )}
      />
    );
  }
  return (
    <Table<ManifestLegOut>
      rowKey="leg"
      size="small"
      pagination={false}
      dataSource={m.legs}
      data-testid="manifest-legs"
      columns={[
        { title: t('manifests.field.leg'), dataIndex: 'leg', key: 'leg', width: 60 },
        { title: t('manifests.field.transporter'), key: 'transporter', render: (_: unknown, l) => nameOf(l.transporter) },
        { title: t('manifests.field.vehicle'), dataIndex: 'vehicle', key: 'vehicle' },
        { title: t('manifests.field.driver'), key: 'driver', render: (_: unknown, l) => [l.driver, l.driverPhone].filter(Boolean).join(' · ') || dash },
        { title: t('manifests.field.tookOverAt'), key: 'tookOverAt', render: (_: unknown, l) => (l.tookOverAt ? formatTime(l.tookOverAt) : dash) },
      ]}
    />
  );
}

function Seen({ s, m }: { s: ManifestSignature; m: ManifestDetail }) {
  const { t, i18n } = useTranslation();
  if (!s.seen.length) return null;
  const unitOf = (line: number) => m.lines.find((l) => l.line === line)?.unit ?? '';
  return (
    <div data-testid="signature-seen">
      {s.seen.map((x) => (
        <Typography.Text key={x.line} type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('manifests.signature.seen', { line: x.line, quantity: formatNumber(x.quantity, i18n.language), unit: unitOf(x.line) })}
          {x.containers !== undefined ? ` · ${t('manifests.signature.containers', { count: x.containers })}` : ''}
        </Typography.Text>
      ))}
    </div>
  );
}

export function SignatureTimeline({ m }: { m: ManifestDetail }) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const formatTime = useFormatTime();
  if (!m.signatures.length) return <Empty description={t('manifests.noSignatures')} />;
  const place = (s: ManifestSignature) =>
    s.location ? [s.location.place, s.location.lat !== undefined && s.location.lng !== undefined ? `${s.location.lat.toFixed(5)}, ${s.location.lng.toFixed(5)}` : null].filter(Boolean).join(' · ') : '';
  return (
    <Timeline
      data-testid="manifest-signatures"
      items={m.signatures.map((s) => ({
        color: s.action === 'cancel' || s.action === 'reject' ? 'red' : s.action === 'partially_reject' || s.action === 'correct' ? 'orange' : 'green',
        content: (
          <div data-testid="signature" data-action={s.action} data-party={s.party}>
            <Space size={4} wrap>
              <Typography.Text strong>{t(`manifests.actionDone.${s.action}`)}</Typography.Text>
              <Tag>{s.leg !== null ? t('manifests.party.transporterLeg', { leg: s.leg }) : t(`manifests.party.${s.party}`)}</Tag>
            </Space>
            <div>
              {nameOf(s.enterprise)} · {s.user} · {formatTime(s.at)}
            </div>
            {place(s) && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid="signature-place">{place(s)}</Typography.Text>}
            <Seen s={s} m={m} />
            {s.note && <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{s.note}</Typography.Paragraph>}
            <Typography.Text type="secondary" copyable={{ text: s.hash }} style={{ fontSize: 11, fontFamily: 'monospace', wordBreak: 'break-all' }} data-testid="signature-hash">
              #{s.seq} {s.hash.slice(0, 16)}…
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}

export function DiscrepancyView({ m }: { m: ManifestDetail }) {
  const { t, i18n } = useTranslation();
  const formatTime = useFormatTime();
  const d = m.discrepancyDetail;
  if (!d) return null;
  return (
    <Card
      size="small"
      title={
        <Space>
          {t('manifests.section.discrepancy')}
          <Tag color={d.state === 'open' ? 'error' : 'default'} data-testid="discrepancy-state" data-state={d.state}>{t(`manifests.discrepancyState.${d.state}`)}</Tag>
        </Space>
      }
      data-testid="manifest-discrepancy"
    >
      <Typography.Paragraph type="secondary">{t('manifests.discrepancy.tolerance', { pct: d.tolerancePct })}</Typography.Paragraph>
      {d.lines.map((l) => (
        <div key={l.line} data-testid="discrepancy-line" data-line={l.line}>
          {t('manifests.discrepancy.line', {
            line: l.line,
            declared: formatNumber(l.declared, i18n.language),
            received: formatNumber(l.received, i18n.language),
            pct: l.pct === null ? dash : formatNumber(l.pct, i18n.language),
          })}
          {l.reasons.includes('containers') && ` · ${t('manifests.discrepancy.containers', { declared: l.declaredContainers, received: l.receivedContainers ?? dash })}`}
        </div>
      ))}
      {d.resolution && (
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }} data-testid="discrepancy-resolution">
          {t('manifests.discrepancy.resolved', { by: d.resolution.by, at: formatTime(d.resolution.at) })}: {d.resolution.note}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
