/**
 * One hazardous-waste transfer manifest (危险废物转移联单): its header with the QR code of its
 * identifier and the printable PDF in either language, the parties, lines, legs, the signatures'
 * timeline, the discrepancy, the rejection and the manifests it is related to; and the signing
 * workflow: the steps the server lists for the caller, each opening its form, in a bar that stays at
 * the bottom of the screen, so that a driver at the gate signs on a phone.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Grid, QRCode, Row, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, EditOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import { useFormatTime, useNameOf } from '../api/hooks';
import { manifestPdfUrl, useManifest, useManifestAction, type ManifestActionBody, type ManifestDetail, type ManifestRef } from '../api/manifests';
import { errorText } from '../components/errors';
import { formatNumber } from '../components/flows/format';
import { Badges, KindTag, StateTag, TurnText } from '../components/manifests/ManifestTags';
import { DiscrepancyView, LegsView, LinesView, SignatureTimeline } from '../components/manifests/ManifestParts';
import ManifestFormDrawer from '../components/manifests/ManifestFormDrawer';
import StepModal from '../components/manifests/StepModal';
import { DANGEROUS_STEPS, workflowSteps, type WorkflowStep } from '../components/manifests/workflow';
import QueryState from '../components/QueryState';

function RefLink({ r }: { r: ManifestRef }) {
  const { t } = useTranslation();
  return (
    <Link to={`/manifests/${r.id}`} data-testid="manifest-ref" data-id={r.id}>
      {r.number} {r.revision > 1 ? t('manifests.revisionShort', { revision: r.revision }) : ''} · {t(`manifests.kind.${r.kind}`)} · {t(`manifests.state.${r.state}`)}
    </Link>
  );
}

/** The caller's side for a correction: a closed manifest has no turn, so it is the caller's own part in it. */
const correctingSide = (m: ManifestDetail): 'generator' | 'receiver' | null => (m.roles.includes('generator') ? 'generator' : m.roles.includes('receiver') ? 'receiver' : null);

function Manifest({ m }: { m: ManifestDetail }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const nameOf = useNameOf();
  const formatTime = useFormatTime();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const act = useManifestAction(m.id);
  const [step, setStep] = useState<WorkflowStep | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const steps = workflowSteps(m.actions);
  const [editing, setEditing] = useState(false);
  // A draft is its generator's to edit while it may act on it at all (sign or cancel).
  const editable = m.state === 'draft' && m.actions.length > 0;
  const fmtT = (n: number | null) => (n === null ? '–' : `${formatNumber(n, i18n.language)} t`);

  const send = async (body: ManifestActionBody) => {
    try {
      await act.mutateAsync(body);
      setStep(null);
      setConflict(null);
      message.success(t(`manifests.actionDone.${body.action}`));
    } catch (err) {
      // Someone signed first, or it is not the caller's turn any more: the form answers a manifest
      // that has changed, so it closes and the page shows the manifest as it now is.
      if (err instanceof ApiError && err.status === 409) {
        setStep(null);
        setConflict(errorText(err, t, i18n.language));
      }
    }
  };

  return (
    <div data-testid="manifest-page" data-id={m.id} data-state={m.state} data-version={m.version}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {conflict && <Alert type="warning" showIcon closable onClose={() => setConflict(null)} title={t('manifests.conflict')} description={conflict} data-testid="manifest-conflict" />}
        <Card
          title={
            <Space wrap size={[8, 4]}>
              <span data-testid="manifest-number">{m.number}</span>
              {m.revision > 1 && <Tag data-testid="manifest-revision">{t('manifests.revisionShort', { revision: m.revision })}</Tag>}
              <StateTag state={m.state} />
              <KindTag kind={m.kind} />
              <Badges m={m} />
            </Space>
          }
          data-testid="manifest-header"
        >
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={17}>
              <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}>
                <Descriptions.Item label={t('manifests.party.generator')}>{nameOf(m.generator)}</Descriptions.Item>
                <Descriptions.Item label={t('manifests.field.transporters')}>{m.transporters.map((p) => nameOf(p)).join(' → ') || '–'}</Descriptions.Item>
                <Descriptions.Item label={t('manifests.party.receiver')}>{nameOf(m.receiver)}</Descriptions.Item>
                <Descriptions.Item label={t('manifests.field.plannedDate')}>{m.plannedDate}</Descriptions.Item>
                {m.site && <Descriptions.Item label={t('manifests.field.site')}>{nameOf(m.site)}</Descriptions.Item>}
                {m.receiverSite && <Descriptions.Item label={t('manifests.field.receiverSite')}>{nameOf(m.receiverSite)}</Descriptions.Item>}
                <Descriptions.Item label={t('manifests.field.turn')}><TurnText m={m} /></Descriptions.Item>
                <Descriptions.Item label={t('manifests.field.declaredT')}>{fmtT(m.declaredT)}</Descriptions.Item>
                <Descriptions.Item label={t('manifests.field.acceptedT')}>{fmtT(m.acceptedT)}</Descriptions.Item>
                {m.route && <Descriptions.Item label={t('manifests.field.route')}>{m.route}</Descriptions.Item>}
                {m.dealId !== null && <Descriptions.Item label={t('manifests.field.deal')}><Link to={`/exchange/deals?deal=${m.dealId}`}>#{m.dealId}</Link></Descriptions.Item>}
                <Descriptions.Item label={t('manifests.field.created')}>{m.createdBy} · {formatTime(m.createdAt)}</Descriptions.Item>
                {m.note && <Descriptions.Item label={t('manifests.field.note')}>{m.note}</Descriptions.Item>}
              </Descriptions>
            </Col>
            <Col xs={24} lg={7}>
              <Space orientation="vertical" align={phone ? 'start' : 'center'} style={{ width: '100%' }}>
                {m.identifier ? (
                  <div data-testid="manifest-qr" data-value={m.identifier}>
                    <QRCode value={m.identifier} size={phone ? 128 : 160} />
                  </div>
                ) : (
                  <Typography.Text type="secondary" data-testid="manifest-no-identifier">{t('manifests.noIdentifier')}</Typography.Text>
                )}
                {m.identifier && <Typography.Text type="secondary" copyable style={{ fontSize: 11, wordBreak: 'break-all' }} data-testid="manifest-identifier">{m.identifier}</Typography.Text>}
                <Space wrap>
                  <Button icon={<FilePdfOutlined />} href={manifestPdfUrl(m.id, 'zh-CN')} target="_blank" rel="noopener" data-testid="manifest-pdf-zh">{t('manifests.pdf.zh')}</Button>
                  <Button icon={<FilePdfOutlined />} href={manifestPdfUrl(m.id, 'en')} target="_blank" rel="noopener" data-testid="manifest-pdf-en">{t('manifests.pdf.en')}</Button>
                </Space>
              </Space>
            </Col>
          </Row>
        </Card>

        {m.licenceProblems.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={t('manifests.licenceProblems')}
            data-testid="manifest-licence-problems"
            description={<ul style={{ margin: 0, paddingLeft: 18 }}>{m.licenceProblems.map((p, i) => <li key={i} data-code={p.code}>{t(`manifests.licenceProblem.${p.code}`)}: {p.reason}</li>)}</ul>}
          />
        )}
        {m.rejection && (
          <Alert
            type="warning"
            showIcon
            data-testid="manifest-rejection"
            title={t(`manifests.rejection.${m.rejection.route}`)}
            description={
              <>
                <div>{m.rejection.reason}</div>
                {m.rejection.manifest && (
                  <Link to={`/manifests/${m.rejection.manifest.id}`} data-testid="manifest-rejection-link" data-id={m.rejection.manifest.id}>
                    {t('manifests.rejection.spawned', { number: m.rejection.manifest.number })}
                  </Link>
                )}
              </>
            }
          />
        )}
        <DiscrepancyView m={m} />

        <Card size="small" title={t('manifests.section.lines')}>
          <LinesView m={m} phone={phone} />
        </Card>
        <Card size="small" title={t('manifests.section.legs')}>
          <LegsView m={m} phone={phone} />
        </Card>
        <Card
          size="small"
          title={t('manifests.section.signatures')}
          extra={
            m.signatures.length > 0 &&
            (m.signaturesVerified ? (
              <Tag color="success" icon={<CheckCircleOutlined />} data-testid="signatures-verified" data-verified="true">{t('manifests.signaturesVerified')}</Tag>
            ) : (
              <Tag color="error" icon={<CloseCircleOutlined />} data-testid="signatures-verified" data-verified="false">{t('manifests.signaturesBroken')}</Tag>
            ))
          }
        >
          <SignatureTimeline m={m} />
        </Card>
        {(m.parent || m.children.length > 0 || m.revisions.length > 1 || m.correction) && (
          <Card size="small" title={t('manifests.section.related')} data-testid="manifest-related">
            <Descriptions size="small" column={1}>
              {m.parent && <Descriptions.Item label={t('manifests.related.parent')}><RefLink r={m.parent} /></Descriptions.Item>}
              {m.children.length > 0 && (
                <Descriptions.Item label={t('manifests.related.children')}>
                  <Space orientation="vertical" size={2}>{m.children.map((c) => <RefLink key={c.id} r={c} />)}</Space>
                </Descriptions.Item>
              )}
              {m.revisions.length > 1 && (
                <Descriptions.Item label={t('manifests.related.revisions')}>
                  <Space orientation="vertical" size={2}>{m.revisions.map((c) => <RefLink key={c.id} r={c} />)}</Space>
                </Descriptions.Item>
              )}
              {m.correction && (
                <Descriptions.Item label={t('manifests.related.correction')}>
                  {m.correction.reason} · {m.correction.by} · {formatTime(m.correction.at)} · {m.correction.fields.join(', ')}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        )}
      </Space>

      {(steps.length > 0 || editable) && (
        <div
          data-testid="manifest-action-bar"
          style={{
            position: 'sticky',
            bottom: 0,
            zIndex: 10,
            marginTop: 16,
            padding: phone ? '10px 12px' : '12px 16px',
            background: 'rgba(255,255,255,0.96)',
            borderTop: '1px solid #f0f0f0',
            boxShadow: '0 -4px 12px rgba(0,0,0,0.08)',
            display: 'flex',
            flexWrap: 'wrap',
            gap: 8,
          }}
        >
          {steps.map((s, i) => (
            <Button
              key={s}
              size="large"
              type={i === 0 && !DANGEROUS_STEPS.includes(s) ? 'primary' : 'default'}
              danger={DANGEROUS_STEPS.includes(s)}
              style={phone ? { flex: '1 1 140px', minHeight: 48 } : { minHeight: 44 }}
              onClick={() => {
                act.reset();
                setStep(s);
              }}
              data-testid={`manifest-action-${s}`}
            >
              {t(`manifests.step.button.${s}`)}
            </Button>
          ))}
          {editable && (
            <Button size="large" icon={<EditOutlined />} style={phone ? { flex: '1 1 140px', minHeight: 48 } : { minHeight: 44 }} onClick={() => setEditing(true)} data-testid="manifest-edit">
              {t('manifests.create.edit')}
            </Button>
          )}
        </div>
      )}
      <ManifestFormDrawer open={editing} editing={m} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      <StepModal step={step} manifest={m} side={correctingSide(m)} pending={act.isPending} error={act.error} onCancel={() => setStep(null)} onSubmit={(b) => void send(b)} />
    </div>
  );
}

export default function ManifestDetailPage() {
  const { id } = useParams();
  const manifestId = Number(id);
  const q = useManifest(Number.isInteger(manifestId) && manifestId > 0 ? manifestId : undefined);
  return <QueryState query={q}>{(m) => <Manifest m={m} />}</QueryState>;
}

