/**
 * One incident: its response level, state and the moves it may make; the timeline drawn as a
 * vertical timeline (corrections shown beside what they correct, never instead of it) with the
 * message box; the checklist with who did what when; linked alarms; the affected parties; the
 * report editor (a draft generated from the record, edited, frozen at close) and its print view.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, Descriptions, Empty, Form, Input, List, Modal, Row, Segmented, Space, Tag, Timeline, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, DownloadOutlined, EditOutlined, PrinterOutlined, RollbackOutlined, SafetyOutlined, StopOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useFormatTime, useNameOf } from '../api/hooks';
import {
  REPORT_FIELDS, downloadReport, reportLangOf, useIncident, useIncidentWrite,
  type ChecklistItem, type Incident, type IncidentState, type Report, type TimelineEntry,
} from '../api/incidents';
import { useSession } from '../auth/session';
import { ErrorAlert } from '../components/errors';
import QueryState from '../components/QueryState';
import { KindTag, SeverityTag, STATE_COLOR, useAge } from './Incidents';

export default function IncidentDetailPage() {
  const { i18n } = useTranslation();
  const id = Number(useParams().id);
  const lang = reportLangOf(i18n.language);
  const query = useIncident(id, lang);
  const [params] = useSearchParams();
  return (
    <div data-testid="page-incident-detail">
      <QueryState query={query}>{(incident) => (params.get('print') === '1' ? <PrintView incident={incident} /> : <IncidentView incident={incident} />)}</QueryState>
    </div>
  );
}

const ENTRY_COLOR: Record<string, string> = { raised: 'red', state: 'blue', action: 'green', message: 'gray', checklist: 'green', alarms: 'red', details: 'gray', report: 'gray' };

function IncidentView({ incident }: { incident: Incident }) {
  const { t, i18n } = useTranslation();
  const { abilities, user } = useSession();
  const lang = reportLangOf(i18n.language);
  const write = useIncidentWrite(lang);
  const age = useAge();
  const mayCommand = abilities['incident.update'] === 'any';
  const mayMove = abilities['incident.transition'] === 'any';
  // An affected enterprise's operators post (the API let them see it, so it names them).
  const mayPost = abilities['incident.post'] === 'any' || abilities['incident.post'] === 'own';
  const closed = incident.state === 'closed';
  const [moving, setMoving] = useState<IncidentState | null>(null);

  return (
    <>
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        <Link to="/incidents">← {t('incidents.title')}</Link>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap align="start">
          <Space orientation="vertical" size={4}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="incident-title">
              #{incident.id} {incident.title}
            </Typography.Title>
            <Space size={4} wrap>
              <Tag color={STATE_COLOR[incident.state]} data-testid="incident-state">{t(`incidents.state.${incident.state}`)}</Tag>
              <SeverityTag level={incident.severity} />
              <KindTag kind={incident.kind} />
              <Typography.Text type="secondary">
                {incident.closedAt ? t('incidents.lasted', { age: age(incident.openedAt, incident.closedAt) }) : t('incidents.age', { age: age(incident.openedAt) })}
              </Typography.Text>
            </Space>
          </Space>
          {mayMove && (
            <Space wrap>
              {incident.nextStates.map((to) => (
                <Button
                  key={to}
                  type={to === 'open' ? 'default' : 'primary'}
                  danger={to === 'open'}
                  icon={to === 'contained' ? <SafetyOutlined /> : to === 'closed' ? <CheckCircleOutlined /> : <RollbackOutlined />}
                  onClick={() => setMoving(to)}
                  data-testid={`incident-to-${to}`}
                >
                  {t(`incidents.move.${incident.state}-${to}`)}
                </Button>
              ))}
            </Space>
          )}
        </Space>
        {write.error && !moving && <ErrorAlert error={write.error} />}
        <Row gutter={16}>
          <Col xs={24} xl={14}>
            <TimelineCard incident={incident} mayPost={mayPost && !closed} username={user?.username} />
          </Col>
          <Col xs={24} xl={10}>
            <Space orientation="vertical" style={{ width: '100%' }} size={16}>
              <ChecklistCard incident={incident} editable={mayCommand && !closed} />
              <AlarmsCard incident={incident} />
              <DetailsCard incident={incident} />
            </Space>
          </Col>
        </Row>
        <ReportCard incident={incident} editable={mayCommand && !closed} />
      </Space>
      {moving && <MoveModal incident={incident} to={moving} onDone={() => setMoving(null)} />}
    </>
  );
}

function TimelineCard({ incident, mayPost, username }: { incident: Incident; mayPost: boolean; username: string | undefined }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatTime();
  const write = useIncidentWrite(reportLangOf(i18n.language));
  const [kind, setKind] = useState<'message' | 'action'>('message');
  const [text, setText] = useState('');
  const [correcting, setCorrecting] = useState<TimelineEntry | null>(null);
  const correctionsOf = new Map<number, TimelineEntry[]>();
  for (const e of incident.timeline) if (e.corrects !== null) correctionsOf.set(e.corrects, [...(correctionsOf.get(e.corrects) ?? []), e]);

  const post = async () => {
    await write.mutateAsync({ op: 'post', id: incident.id, body: { kind: correcting ? (correcting.kind as 'message' | 'action') : kind, text, ...(correcting ? { corrects: correcting.id } : {}) } });
    setText('');
    setCorrecting(null);
  };

  const describe = (e: TimelineEntry): string => {
    const d = (e.data ?? {}) as Record<string, unknown>;
    switch (e.kind) {
      case 'raised': return t('incidents.entry.raised', { title: e.text });
      case 'state': return t('incidents.entry.state', { from: t(`incidents.state.${String(d.from)}`), to: t(`incidents.state.${String(d.to)}`) }) + (e.text ? ` — ${e.text}` : '');
      case 'checklist': {
        const item = i18n.language === 'en' && typeof d.textEn === 'string' ? d.textEn : e.text;
        return d.added ? t('incidents.entry.itemAdded', { item }) : t(`incidents.entry.item_${String(d.status)}`, { item }) + (d.note ? ` (${String(d.note)})` : '');
      }
      case 'alarms': return t('incidents.entry.alarms', { alarms: e.text });
      case 'details': return t('incidents.entry.details', { fields: e.text });
      case 'report': return t('incidents.entry.report');
      default: return e.text;
    }
  };

  const items = incident.timeline
    .filter((e) => e.corrects === null)
    .map((e) => {
      const corrections = correctionsOf.get(e.id) ?? [];
      const posted = e.kind === 'message' || e.kind === 'action';
      return {
        key: e.id,
        color: ENTRY_COLOR[e.kind] ?? 'gray',
        title: <Typography.Text type="secondary" style={{ fontSize: 12 }}>{fmt(e.at)}</Typography.Text>,
        content: (
          <div data-testid={`incident-entry-${e.id}`} data-kind={e.kind}>
            <Space size={4} wrap>
              <Typography.Text strong>{e.actor}</Typography.Text>
              {posted && <Tag color={e.kind === 'action' ? 'green' : undefined}>{t(`incidents.entryKind.${e.kind}`)}</Tag>}
              {mayPost && posted && e.actor === username && (
                <Button size="small" type="link" icon={<EditOutlined />} onClick={() => { setCorrecting(e); setText(corrections.at(-1)?.text ?? e.text); }} data-testid={`incident-correct-${e.id}`}>
                  {t('incidents.correct')}
                </Button>
              )}
            </Space>
            <div style={{ whiteSpace: 'pre-wrap', textDecoration: corrections.length ? 'line-through' : undefined, opacity: corrections.length ? 0.6 : 1 }}>{describe(e)}</div>
            {corrections.map((c) => (
              <div key={c.id} style={{ whiteSpace: 'pre-wrap', marginTop: 4 }} data-testid={`incident-entry-${c.id}`}>
                <Tag color="purple">{t('incidents.correction')}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{fmt(c.at)} · {c.actor}</Typography.Text>
                <div>{c.text}</div>
              </div>
            ))}
          </div>
        ),
      };
    });

  return (
    <Card title={t('incidents.timeline')} size="small" data-testid="incident-timeline">
      <Timeline items={items} />
      {mayPost && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {correcting && (
            <Alert type="info" showIcon title={t('incidents.correcting', { id: correcting.id })} action={<Button size="small" onClick={() => { setCorrecting(null); setText(''); }}>{t('action.cancel')}</Button>} />
          )}
          {!correcting && (
            <Segmented<'message' | 'action'>
              value={kind}
              onChange={setKind}
              options={[{ value: 'message', label: t('incidents.entryKind.message') }, { value: 'action', label: t('incidents.entryKind.action') }]}
              data-testid="incident-post-kind"
            />
          )}
          <Input.TextArea rows={2} maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('incidents.postPlaceholder')} data-testid="incident-post-text" />
          {write.error && <ErrorAlert error={write.error} />}
          <Button type="primary" disabled={!text.trim()} loading={write.isPending} onClick={() => void post().catch(() => {})} data-testid="incident-post-submit">
            {correcting ? t('incidents.postCorrection') : t('incidents.post')}
          </Button>
        </Space>
      )}
    </Card>
  );
}

function ChecklistCard({ incident, editable }: { incident: Incident; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatTime();
  const write = useIncidentWrite(reportLangOf(i18n.language));
  const [adding, setAdding] = useState('');
  const [na, setNa] = useState<ChecklistItem | null>(null);
  const [note, setNote] = useState('');
  const textOf = (i: ChecklistItem) => (i18n.language === 'en' && i.textEn ? i.textEn : i.text);
  const set = (item: ChecklistItem, status: ChecklistItem['status'], withNote: string | null = null) =>
    write.mutateAsync({ op: 'item', id: incident.id, itemId: item.id, body: { status, note: withNote } });

  return (
    <Card title={t('incidents.checklist')} size="small" extra={<Typography.Text type="secondary">{incident.checklistDone}/{incident.checklistTotal}</Typography.Text>} data-testid="incident-checklist">
      <List
        size="small"
        dataSource={incident.checklist}
        renderItem={(item) => (
          <List.Item
            data-testid={`incident-item-${item.id}`}
            data-status={item.status}
            actions={editable ? [
              item.status === 'not_applicable' ? (
                <Button key="na" size="small" type="link" onClick={() => void set(item, 'open').catch(() => {})}>{t('incidents.itemReopen')}</Button>
              ) : (
                <Tooltip key="na" title={t('incidents.itemNaHelp')}>
                  <Button size="small" type="text" icon={<StopOutlined />} disabled={item.status === 'done'} onClick={() => { setNa(item); setNote(''); }} data-testid={`incident-item-na-${item.id}`} />
                </Tooltip>
              ),
            ] : []}
          >
            <Space orientation="vertical" size={0} style={{ width: '100%' }}>
              <Checkbox
                checked={item.status === 'done'}
                disabled={!editable || item.status === 'not_applicable' || write.isPending}
                onChange={(e) => void set(item, e.target.checked ? 'done' : 'open').catch(() => {})}
                data-testid={`incident-item-check-${item.id}`}
              >
                <span style={{ textDecoration: item.status === 'not_applicable' ? 'line-through' : undefined }}>{textOf(item)}</span>
                {item.required && <Tag color="red" style={{ marginLeft: 6 }}>{t('incidents.required')}</Tag>}
              </Checkbox>
              {item.status !== 'open' && item.statusAt !== null && (
                <Typography.Text type="secondary" style={{ fontSize: 12, paddingLeft: 24 }}>
                  {t(`incidents.itemStatus.${item.status}`)} · {item.statusBy} · {fmt(item.statusAt)}{item.note ? ` · ${item.note}` : ''}
                </Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
      {editable && (
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Input value={adding} maxLength={500} onChange={(e) => setAdding(e.target.value)} placeholder={t('incidents.addItem')} data-testid="incident-item-new" />
          <Button disabled={!adding.trim()} onClick={() => void write.mutateAsync({ op: 'add-item', id: incident.id, body: { text: adding } }).then(() => setAdding('')).catch(() => {})} data-testid="incident-item-add">
            {t('action.create')}
          </Button>
        </Space.Compact>
      )}
      {write.error && <ErrorAlert error={write.error} />}
      <Modal
        open={na !== null}
        title={t('incidents.itemNa')}
        okButtonProps={{ disabled: !note.trim(), loading: write.isPending }}
        onCancel={() => setNa(null)}
        onOk={() => void set(na!, 'not_applicable', note).then(() => setNa(null)).catch(() => {})}
        destroyOnHidden
      >
        <Typography.Paragraph>{na && textOf(na)}</Typography.Paragraph>
        <Input.TextArea rows={2} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('incidents.itemNaNote')} data-testid="incident-item-na-note" />
      </Modal>
    </Card>
  );
}

function AlarmsCard({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const fmt = useFormatTime();
  return (
    <Card title={t('incidents.alarms')} size="small" data-testid="incident-alarms">
      {incident.alarms.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incidents.noAlarms')} />
      ) : (
        <List
          size="small"
          dataSource={incident.alarms}
          renderItem={(a) => (
            <List.Item>
              <Space orientation="vertical" size={0}>
                <Space size={4} wrap>
                  <Tag color={a.severity === 'critical' ? 'red' : a.severity === 'high' ? 'volcano' : 'gold'}>{t(`alarms.severity.${a.severity}`, { defaultValue: a.severity })}</Tag>
                  {a.level && <Tag>{a.level}</Tag>}
                  <Link to={`/alarms?open=${a.alarmId}`}>#{a.alarmId}</Link>
                </Space>
                <Typography.Text>{a.message}</Typography.Text>
                {a.raisedAt !== null && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{fmt(a.raisedAt)}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function DetailsCard({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const fmt = useFormatTime();
  return (
    <Card title={t('incidents.details')} size="small">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('incidents.field.enterprises')}>
          <span data-testid="incident-enterprises">{incident.enterprises.map((e) => nameOf(e)).join('、') || '—'}</span>
        </Descriptions.Item>
        {incident.units.length > 0 && <Descriptions.Item label={t('incidents.field.units')}>{incident.units.map((u) => nameOf(u)).join('、')}</Descriptions.Item>}
        <Descriptions.Item label={t('incidents.openedBy')}>{incident.openedBy} · {fmt(incident.openedAt)}</Descriptions.Item>
        {incident.containedAt !== null && <Descriptions.Item label={t('incidents.state.contained')}>{fmt(incident.containedAt)}</Descriptions.Item>}
        {incident.closedAt !== null && <Descriptions.Item label={t('incidents.state.closed')}>{fmt(incident.closedAt)}</Descriptions.Item>}
        {incident.lat !== null && incident.lng !== null && <Descriptions.Item label={t('incidents.location')}>{incident.lat.toFixed(5)}, {incident.lng.toFixed(5)}</Descriptions.Item>}
        {incident.description && <Descriptions.Item label={t('incidents.field.description')}><span style={{ whiteSpace: 'pre-wrap' }}>{incident.description}</span></Descriptions.Item>}
      </Descriptions>
    </Card>
  );
}

const reportOf = (i: Incident): Report => ({ summary: i.report.summary, cause: i.report.cause, actions: i.report.actions, followUps: i.report.followUps });

function ReportFields({ disabled }: { disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {REPORT_FIELDS.map((f) => (
        <Form.Item key={f} name={f} label={t(`incidents.report.${f}`)} extra={f === 'cause' ? t('incidents.report.causeHelp') : undefined} rules={[{ max: 20_000 }]}>
          <Input.TextArea autoSize={{ minRows: f === 'cause' ? 2 : 3, maxRows: 14 }} disabled={disabled} data-testid={`incident-report-${f}`} />
        </Form.Item>
      ))}
    </>
  );
}

function ReportCard({ incident, editable }: { incident: Incident; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatTime();
  const lang = reportLangOf(i18n.language);
  const write = useIncidentWrite(lang);
  const [form] = Form.useForm<Report>();
  const [, setParams] = useSearchParams();
  const { status } = incident.report;
  // The form follows the stored report until the user starts editing.
  useEffect(() => {
    if (!form.isFieldsTouched()) form.setFieldsValue(reportOf(incident));
  }, [incident, form]);
  const save = async (v: Report) => {
    await write.mutateAsync({ op: 'patch', id: incident.id, body: { report: v, version: incident.version } });
    form.resetFields();
  };
  return (
    <Card
      title={
        <Space>
          {t('incidents.report.title')}
          <Tag color={status === 'frozen' ? 'green' : status === 'edited' ? 'blue' : undefined} data-testid="incident-report-status">{t(`incidents.report.status.${status}`)}</Tag>
          {incident.report.frozenAt !== null && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{incident.report.frozenBy} · {fmt(incident.report.frozenAt)}</Typography.Text>}
        </Space>
      }
      size="small"
      extra={
        <Space>
          <Button icon={<PrinterOutlined />} onClick={() => setParams({ print: '1' })} data-testid="incident-print">{t('incidents.print')}</Button>
          <Button icon={<DownloadOutlined />} onClick={() => void downloadReport(incident.id, lang)}>{t('incidents.downloadMarkdown')}</Button>
        </Space>
      }
      data-testid="incident-report"
    >
      {status === 'draft' && editable && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('incidents.report.draftHelp')} />}
      <Form form={form} layout="vertical" onFinish={(v) => void save(v).catch(() => {})} initialValues={reportOf(incident)}>
        <ReportFields disabled={!editable} />
        {write.error && <ErrorAlert error={write.error} />}
        {editable && (
          <Button type="primary" htmlType="submit" loading={write.isPending} data-testid="incident-report-save">{t('incidents.report.save')}</Button>
        )}
      </Form>
    </Card>
  );
}

/** Moving to another state: a reason to go back; to close, the report as it will be frozen. */
function MoveModal({ incident, to, onDone }: { incident: Incident; to: IncidentState; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const write = useIncidentWrite(reportLangOf(i18n.language));
  const [form] = Form.useForm<Report & { reason?: string }>();
  const back = to === 'open';
  const closing = to === 'closed';
  const submit = async (v: Report & { reason?: string }) => {
    let version = incident.version;
    if (closing) {
      const saved = await write.mutateAsync({ op: 'patch', id: incident.id, body: { report: { summary: v.summary, cause: v.cause, actions: v.actions, followUps: v.followUps }, version } });
      version = saved.version;
    }
    await write.mutateAsync({ op: 'transition', id: incident.id, body: { to, reason: back ? (v.reason ?? '') : null } });
    onDone();
  };
  return (
    <Modal
      open
      width={closing ? 820 : 520}
      title={t(`incidents.move.${incident.state}-${to}`)}
      okText={closing ? t('incidents.closeWithReport') : t('action.confirm')}
      okButtonProps={{ loading: write.isPending, danger: back, ...({ 'data-testid': 'incident-move-confirm' } as Record<string, string>) }}
      onCancel={onDone}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={reportOf(incident)} onFinish={(v) => void submit(v).catch(() => {})}>
        {back && (
          <Form.Item name="reason" label={t('incidents.reason')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
            <Input.TextArea rows={3} data-testid="incident-move-reason" />
          </Form.Item>
        )}
        {closing && (
          <>
            <Typography.Paragraph type="secondary">{t('incidents.closeHelp')}</Typography.Paragraph>
            <ReportFields />
          </>
        )}
      </Form>
      {write.error && <ErrorAlert error={write.error} />}
    </Modal>
  );
}

/** The report laid out for paper: the app's chrome is hidden when printing. */
function PrintView({ incident }: { incident: Incident }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatTime();
  const nameOf = useNameOf();
  const [, setParams] = useSearchParams();
  const textOf = (i: ChecklistItem) => (i18n.language === 'en' && i.textEn ? i.textEn : i.text);
  const mark: Record<string, string> = { done: '☑', not_applicable: '⊘', open: '☐' };
  return (
    <div data-testid="incident-print-view" style={{ maxWidth: 860, margin: '0 auto', background: '#fff', padding: 32, color: '#000' }}>
      <style>{'@media print { .ant-layout-sider, .ant-layout-header, [data-print-hide] { display: none !important; } .ant-layout-content { margin: 0 !important; padding: 0 !important; } }'}</style>
      <Space data-print-hide style={{ marginBottom: 16 }}>
        <Button icon={<RollbackOutlined />} onClick={() => setParams({})}>{t('incidents.backToIncident')}</Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>{t('incidents.printNow')}</Button>
      </Space>
      <Typography.Title level={2}>{t('incidents.report.title')}: {incident.title}</Typography.Title>
      <Typography.Paragraph type="secondary">#{incident.id} · {t(`incidents.report.status.${incident.report.status}`)}</Typography.Paragraph>
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label={t('incidents.field.kind')}>{t(`incidents.kind.${incident.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('incidents.field.severity')}><SeverityTag level={incident.severity} /></Descriptions.Item>
        <Descriptions.Item label={t('incidents.openedBy')}>{incident.openedBy} · {fmt(incident.openedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('incidents.state.closed')}>{incident.closedAt !== null ? fmt(incident.closedAt) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('incidents.field.enterprises')} span={2}>{incident.enterprises.map((e) => nameOf(e)).join('、')}</Descriptions.Item>
      </Descriptions>
      {REPORT_FIELDS.map((f) => (
        <section key={f}>
          <Typography.Title level={4} style={{ marginTop: 24 }}>{t(`incidents.report.${f}`)}</Typography.Title>
          <div style={{ whiteSpace: 'pre-wrap' }} data-testid={`incident-print-${f}`}>{incident.report[f] || '—'}</div>
        </section>
      ))}
      <Typography.Title level={4} style={{ marginTop: 24 }}>{t('incidents.checklist')}</Typography.Title>
      {incident.checklist.map((i) => (
        <div key={i.id}>
          {mark[i.status]} {textOf(i)}
          {i.statusBy && i.statusAt !== null ? ` — ${i.statusBy}, ${fmt(i.statusAt)}` : ''}
          {i.note ? ` (${i.note})` : ''}
        </div>
      ))}
      <Typography.Title level={4} style={{ marginTop: 24 }}>{t('incidents.timeline')}</Typography.Title>
      {incident.timeline.map((e) => (
        <div key={e.id}>{fmt(e.at)} · {e.actor} · {e.corrects !== null ? `${t('incidents.correction')} #${e.corrects}: ` : ''}{e.text}</div>
      ))}
    </div>
  );
}
