/**
 * One signature's form: what the step needs (the generator's certification; a hand-off's quantities
 * and packages; the receiver's weighing and decision; the processing methods; a note), where it was
 * signed (the device's position when the user allows it, and a place in words), sent with the
 * version the signer saw. The signer is whoever is logged in: the server takes it from the session.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Checkbox, Col, Form, Grid, Input, InputNumber, Modal, Radio, Row, Select, Space, Typography } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNameOf } from '../../api/hooks';
import { useManifestVocabulary, type ManifestActionBody, type ManifestDetail, type ManifestLineOut } from '../../api/manifests';
import { ErrorAlert } from '../errors';
import PartySelect from './PartySelect';
import {
  CORRECTABLE, correctionBody, handoffBody, prefillMethods, prefillSeen, processBody, RECEIPT_DECISIONS, receiptBody, receiptProblems, signatureLocation,
  type CorrectionRow, type MethodRow, type ReceiptValues, type SeenRow, type Signed, type WorkflowStep,
} from './workflow';

interface Values {
  certify?: boolean;
  rows?: (SeenRow & { rejected?: number | null })[];
  methods?: MethodRow[];
  corrections?: CorrectionRow[];
  decision?: ReceiptValues['decision'];
  route?: 'return' | 'onward';
  onwardReceiverId?: number | null;
  reason?: string;
  place?: string;
  note?: string;
}

type Coords = { latitude: number; longitude: number; accuracy?: number };

/** The device's position, asked once the form opens; null while unknown or refused (a signature does not wait for it). */
function usePosition(active: boolean): { coords: Coords | null; state: 'asking' | 'known' | 'unavailable' } {
  const [answer, setAnswer] = useState<{ coords: Coords | null; state: 'asking' | 'known' | 'unavailable' }>({ coords: null, state: 'asking' });
  useEffect(() => {
    if (!active) return;
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      setAnswer({ coords: null, state: 'unavailable' });
      return;
    }
    let live = true;
    navigator.geolocation.getCurrentPosition(
      (p) => live && setAnswer({ coords: { latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: p.coords.accuracy }, state: 'known' }),
      () => live && setAnswer({ coords: null, state: 'unavailable' }),
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
    return () => {
      live = false;
    };
  }, [active]);
  return answer;
}

const lineLabel = (l: ManifestLineOut, name: string) => `${l.line}. ${name} · ${l.hwCode}`;

export default function StepModal({
  step, manifest, side, pending, error, onCancel, onSubmit,
}: {
  step: WorkflowStep | null;
  manifest: ManifestDetail;
  /** Which side the caller corrects as (a closed manifest has no turn). */
  side: 'generator' | 'receiver' | null;
  pending: boolean;
  error: unknown;
  onCancel(): void;
  onSubmit(body: ManifestActionBody): void;
}) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const vocabulary = useManifestVocabulary();
  const position = usePosition(step !== null);
  const [problems, setProblems] = useState<string[]>([]);
  const decision = Form.useWatch('decision', form);
  const route = Form.useWatch('route', form);
  const lines = manifest.lines;
  const name = (l: ManifestLineOut) => lineLabel(l, nameOf({ name: l.materialName, nameEn: l.materialNameEn }));
  const required = [{ required: true, message: t('validation.required') }];

  const initial = useMemo<Values>(() => {
    if (step === 'hand_over' || step === 'take_over' || step === 'receive') {
      return { rows: prefillSeen(lines, step, manifest.signatures).map((r) => ({ ...r, rejected: 0 })), decision: 'accept', route: 'return' };
    }
    if (step === 'process') return { methods: prefillMethods(lines) };
    if (step === 'correct' && side) {
      return { corrections: lines.map((l) => Object.fromEntries([['line', l.line], ...CORRECTABLE[side].map((f) => [f, l[f]])]) as CorrectionRow) };
    }
    return {};
  }, [step, lines, manifest.signatures, side]);

  useEffect(() => {
    if (step) {
      form.resetFields();
      form.setFieldsValue(initial);
      setProblems([]);
    }
  }, [step, initial, form]);

  const submit = async () => {
    if (!step) return;
    await form.validateFields();
    // The whole store: a line's number is kept in it without a field of its own.
    const v: Values = { ...initial, ...(form.getFieldsValue(true) as Values) };
    const signed: Signed = { version: manifest.version, location: signatureLocation(position.coords, v.place), note: v.note };
    let body: ManifestActionBody;
    switch (step) {
      case 'hand_over':
      case 'take_over':
        body = handoffBody(step, v.rows ?? [], signed);
        break;
      case 'receive': {
        const receipt: ReceiptValues = { decision: v.decision ?? 'accept', rows: v.rows ?? [], route: v.route, onwardReceiverId: v.onwardReceiverId, reason: v.reason };
        const found = receiptProblems(receipt);
        setProblems(found);
        if (found.length) return;
        body = receiptBody(receipt, signed);
        break;
      }
      case 'process':
        body = processBody(v.methods ?? [], signed);
        break;
      case 'correct':
        body = correctionBody(side ?? 'generator', lines, v.corrections ?? [], signed);
        if (!body.corrections?.length) {
          setProblems(['manifests.correct.nothingChanged']);
          return;
        }
        break;
      default:
        body = { action: step, version: signed.version, ...(signed.location ? { location: signed.location } : {}), ...(signed.note?.trim() ? { note: signed.note.trim() } : {}) };
    }
    onSubmit(body);
  };

  const quantityRows = (withRejected: boolean) => (
    <Form.List name="rows">
      {(fields) =>
        fields.map((f, i) => (
          <div key={f.key} data-testid="step-line" data-line={lines[i]?.line}>
            <Typography.Text strong>{lines[i] ? name(lines[i]) : ''}</Typography.Text>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('manifests.step.declared', { quantity: lines[i]?.quantity, unit: lines[i]?.unit, containers: lines[i]?.containers })}
            </Typography.Text>
            <Row gutter={8}>
              <Col xs={withRejected ? 8 : 12}>
                <Form.Item name={[f.name, 'quantity']} label={t(step === 'receive' ? 'manifests.step.weighed' : 'manifests.step.quantity')} rules={required}>
                  <InputNumber min={0} size="large" inputMode="decimal" suffix={lines[i]?.unit} style={{ width: '100%' }} data-testid={`step-quantity-${i}`} />
                </Form.Item>
              </Col>
              <Col xs={withRejected ? 8 : 12}>
                <Form.Item name={[f.name, 'containers']} label={t('manifests.field.containers')}>
                  <InputNumber min={0} precision={0} size="large" inputMode="numeric" style={{ width: '100%' }} data-testid={`step-containers-${i}`} />
                </Form.Item>
              </Col>
              {withRejected && (
                <Col xs={8}>
                  <Form.Item name={[f.name, 'rejected']} label={t('manifests.step.rejected')}>
                    <InputNumber min={0} size="large" inputMode="decimal" suffix={lines[i]?.unit} style={{ width: '100%' }} data-testid={`step-rejected-${i}`} />
                  </Form.Item>
                </Col>
              )}
            </Row>
          </div>
        ))
      }
    </Form.List>
  );

  const methodOptions = (vocabulary.data?.methods ?? []).map((m) => ({ value: m.code, label: `${m.code} · ${nameOf({ name: m.name, nameEn: m.nameEn })}` }));

  const body = () => {
    switch (step) {
      case 'sign':
        return (
          <>
            <Alert type="info" showIcon title={t('manifests.step.signHelp')} style={{ marginBottom: 12 }} />
            <Form.Item name="certify" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('manifests.step.mustCertify')))) }]}>
              <Checkbox data-testid="step-certify">{t('manifests.step.certify')}</Checkbox>
            </Form.Item>
          </>
        );
      case 'hand_over':
      case 'take_over':
        return quantityRows(false);
      case 'receive':
        return (
          <>
            <Form.Item name="decision" label={t('manifests.step.decision')} rules={required}>
              <Radio.Group optionType="button" buttonStyle="solid" size="large" data-testid="step-decision" options={RECEIPT_DECISIONS.map((d) => ({ value: d, label: <span data-testid={`step-decision-${d}`}>{t(`manifests.decision.${d}`)}</span> }))} />
            </Form.Item>
            {quantityRows(decision === 'partially_reject')}
            {decision && decision !== 'accept' && (
              <>
                <Form.Item name="route" label={t('manifests.step.route')} rules={required}>
                  <Radio.Group data-testid="step-route" options={(['return', 'onward'] as const).map((r) => ({ value: r, label: <span data-testid={`step-route-${r}`}>{t(`manifests.rejectionRoute.${r}`)}</span> }))} />
                </Form.Item>
                {route === 'onward' && (
                  <Form.Item name="onwardReceiverId" label={t('manifests.step.onwardReceiver')} rules={required}>
                    <PartySelect data-testid="step-onward-receiver" />
                  </Form.Item>
                )}
                <Form.Item name="reason" label={t('manifests.step.reason')} rules={required}>
                  <Input.TextArea rows={2} maxLength={2000} data-testid="step-reason" />
                </Form.Item>
              </>
            )}
          </>
        );
      case 'process':
        return (
          <Form.List name="methods">
            {(fields) =>
              fields.map((f) => {
                const l = lines.find((x) => x.line === form.getFieldValue(['methods', f.name, 'line']));
                return (
                  <div key={f.key} data-testid="step-method-line">
                    <Typography.Text strong>{l ? name(l) : ''}</Typography.Text>
                    <Row gutter={8}>
                      <Col xs={14}>
                        <Form.Item name={[f.name, 'method']} label={t('manifests.field.method')} rules={required}>
                          <Select size="large" showSearch={{ optionFilterProp: 'label' }} options={methodOptions} loading={vocabulary.isLoading} data-testid={`step-method-${f.name}`} />
                        </Form.Item>
                      </Col>
                      <Col xs={10}>
                        <Form.Item name={[f.name, 'quantity']} label={t('manifests.step.quantity')} rules={required}>
                          <InputNumber min={0} size="large" suffix={l?.unit} style={{ width: '100%' }} data-testid={`step-method-quantity-${f.name}`} />
                        </Form.Item>
                      </Col>
                    </Row>
                  </div>
                );
              })
            }
          </Form.List>
        );
      case 'correct':
        return (
          <>
            <Alert type="info" showIcon title={t('manifests.correct.help')} style={{ marginBottom: 12 }} />
            <Form.List name="corrections">
              {(fields) =>
                fields.map((f, i) => (
                  <div key={f.key} data-testid="step-correction-line">
                    <Typography.Text strong>{lines[i] ? name(lines[i]) : ''}</Typography.Text>
                    <Row gutter={8}>
                      {(side ? CORRECTABLE[side] : []).map((field) => (
                        <Col xs={12} key={field}>
                          <Form.Item name={[f.name, field]} label={t(`manifests.correct.field.${field}`)}>
                            {field === 'hwCode' ? (
                              <Input data-testid={`step-correct-${field}-${i}`} />
                            ) : field === 'method' ? (
                              <Select allowClear options={methodOptions} data-testid={`step-correct-${field}-${i}`} />
                            ) : (
                              <InputNumber min={0} style={{ width: '100%' }} data-testid={`step-correct-${field}-${i}`} />
                            )}
                          </Form.Item>
                        </Col>
                      ))}
                    </Row>
                  </div>
                ))
              }
            </Form.List>
          </>
        );
      default:
        return step === 'cancel' ? <Alert type="warning" showIcon title={t('manifests.step.cancelHelp')} style={{ marginBottom: 12 }} /> : null;
    }
  };

  const noteRequired = step === 'resolve_discrepancy' || step === 'correct';
  return (
    <Modal
      open={step !== null}
      title={step ? t(`manifests.step.title.${step}`, { number: manifest.number }) : ''}
      onCancel={onCancel}
      onOk={() => void submit()}
      okText={step ? t(`manifests.step.ok.${step}`) : ''}
      okButtonProps={{ size: 'large', danger: step === 'cancel', ...({ 'data-testid': 'step-ok' } as object) }}
      cancelButtonProps={{ size: 'large' }}
      confirmLoading={pending}
      width={screens.md ? 640 : undefined}
      style={screens.md ? undefined : { top: 8, maxWidth: 'calc(100vw - 16px)' }}
      destroyOnHidden
      data-testid="step-modal"
    >
      <ErrorAlert error={error} testId="step-error" />
      {problems.length > 0 && (
        <Alert type="error" showIcon data-testid="step-problems" title={problems.map((p) => t(p)).join(' ')} style={{ marginBottom: 12 }} />
      )}
      <Form<Values> form={form} layout="vertical" initialValues={initial} preserve={false} data-testid={`step-form-${step ?? ''}`}>
        {body()}
        <Form.Item name="place" label={t('manifests.step.place')} extra={
          <Space size={4} data-testid="step-position" data-state={position.state}>
            <EnvironmentOutlined />
            {position.state === 'known' && position.coords
              ? t('manifests.step.positionKnown', { lat: position.coords.latitude.toFixed(5), lng: position.coords.longitude.toFixed(5) })
              : t(`manifests.step.position.${position.state}`)}
          </Space>
        }>
          <Input maxLength={200} size="large" data-testid="step-place" />
        </Form.Item>
        <Form.Item name="note" label={t(noteRequired ? 'manifests.step.noteRequired' : 'manifests.field.note')} rules={noteRequired ? required : []}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="step-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
