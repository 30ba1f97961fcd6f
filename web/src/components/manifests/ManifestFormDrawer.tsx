/**
 * A generator's new manifest (draft): the receiver and its site, the planned date, the legs
 * (transporter, plate, driver, phone), the waste lines (a hazardous material of the catalogue, its
 * code, form, packaging, count, quantity, hazards pre-filled from the vocabulary), route and note.
 * The number is assigned by the server when the draft is saved. The same form edits a saved draft
 * (its generator's, answering the version shown), e.g. the legs of a return manifest.
 */
import { Button, Card, Col, Divider, Drawer, Form, Grid, Input, InputNumber, Row, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAll, useNameOf } from '../../api/hooks';
import { HAZARD_CHARACTERISTICS, MANIFEST_UNITS, PACKAGINGS, PHYSICAL_FORMS, useCreateManifest, useManifestVocabulary, usePatchManifest, type ManifestDetail } from '../../api/manifests';
import type { Material } from '../../api/types';
import { applyFieldErrors, ErrorAlert } from '../errors';
import { SiteSelect } from '../fields';
import PartySelect from './PartySelect';
import { hazardsFor, newManifestBody, patchBody, toFormValues, type ManifestFormValues } from './manifestForm';

const today = () => new Date().toISOString().slice(0, 10);

export default function ManifestFormDrawer({ open, onClose, onSaved, editing }: { open: boolean; onClose(): void; onSaved(m: ManifestDetail): void; editing?: ManifestDetail }) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<ManifestFormValues>();
  const create = useCreateManifest();
  const patch = usePatchManifest(editing?.id);
  const write = editing ? patch : create;
  const vocabulary = useManifestVocabulary();
  const materials = useAll<Material>('materials', { hazardous: true }, open);
  const receiverId = Form.useWatch('receiverId', form);
  const required = [{ required: true, message: t('validation.required') }];
  const option = (group: string) => (v: string) => ({ value: v, label: t(`manifests.${group}.${v}`) });

  const pickMaterial = (index: number, materialId: number) => {
    const m = materials.byId.get(materialId) as (Material & { hwCode?: string | null }) | undefined;
    const hwCode = m?.hwCode ?? undefined;
    form.setFieldValue(['lines', index, 'hwCode'], hwCode);
    form.setFieldValue(['lines', index, 'hazards'], hazardsFor(hwCode, vocabulary.data));
  };

  const submit = async () => {
    await form.validateFields();
    // The whole store: a saved line's batches are kept in it without a field of their own.
    const values = form.getFieldsValue(true) as ManifestFormValues;
    try {
      const saved = editing ? await patch.mutateAsync(patchBody(values, editing.version)) : await create.mutateAsync(newManifestBody(values));
      form.resetFields();
      onSaved(saved);
    } catch (err) {
      applyFieldErrors(form, err, ['receiverId', 'receiverSiteId', 'plannedDate', 'route', 'note']);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={screens.md ? 880 : '100%'}
      title={editing ? t('manifests.create.editTitle', { number: editing.number }) : t('manifests.create.title')}
      destroyOnHidden
      data-testid="manifest-form"
      extra={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={write.isPending} onClick={() => void submit()} data-testid="manifest-form-submit">
            {t('manifests.create.save')}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={write.error} testId="manifest-form-error" />
      <Form<ManifestFormValues>
        form={form}
        layout="vertical"
        // The drawer's content is made anew each time it opens, so these are the values it opens with.
        initialValues={editing ? toFormValues(editing) : { plannedDate: today(), legs: [{}], lines: [{ form: 'liquid', packaging: 'drum', containers: 1, unit: 't' }] }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="receiverId" label={t('manifests.field.receiver')} rules={required}>
              <PartySelect data-testid="manifest-form-receiver" onChange={() => form.setFieldValue('receiverSiteId', null)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="receiverSiteId" label={t('manifests.field.receiverSite')}>
              <SiteSelect filter={{ enterpriseId: receiverId }} disabled={!receiverId} data-testid="manifest-form-receiver-site" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="plannedDate" label={t('manifests.field.plannedDate')} rules={[...required, { pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('manifests.create.dateFormat') }]}>
              <Input type="date" data-testid="manifest-form-date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="route" label={t('manifests.field.route')}>
              <Input maxLength={500} data-testid="manifest-form-route" />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('manifests.section.legs')}</Divider>
        <Form.List name="legs">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Card key={f.key} size="small" title={t('manifests.leg', { leg: i + 1 })} style={{ marginBottom: 12 }} extra={<Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('action.delete')} />} data-testid="manifest-form-leg">
                  <Row gutter={12}>
                    <Col xs={24} md={12}>
                      <Form.Item name={[f.name, 'transporterId']} label={t('manifests.field.transporter')} rules={required}>
                        <PartySelect data-testid={`manifest-form-transporter-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={[f.name, 'vehicle']} label={t('manifests.field.vehicle')} rules={required}>
                        <Input maxLength={32} data-testid={`manifest-form-vehicle-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={[f.name, 'driver']} label={t('manifests.field.driver')}>
                        <Input maxLength={100} data-testid={`manifest-form-driver-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={[f.name, 'driverPhone']} label={t('manifests.field.driverPhone')}>
                        <Input maxLength={32} type="tel" data-testid={`manifest-form-phone-${i}`} />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= 10} data-testid="manifest-form-add-leg">
                {t('manifests.create.addLeg')}
              </Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('manifests.section.lines')}</Divider>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Card key={f.key} size="small" title={t('manifests.line', { line: i + 1 })} style={{ marginBottom: 12 }} extra={fields.length > 1 && <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('action.delete')} />} data-testid="manifest-form-line">
                  <Row gutter={12}>
                    <Col xs={24} md={12}>
                      <Form.Item name={[f.name, 'materialId']} label={t('manifests.field.material')} rules={required}>
                        <Select<number>
                          showSearch={{ optionFilterProp: 'label' }}
                          loading={materials.isLoading}
                          options={materials.items.map((m) => ({ value: m.id, label: `${nameOf(m)} (${m.code})` }))}
                          onChange={(v) => pickMaterial(f.name, v)}
                          data-testid={`manifest-form-material-${i}`}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={[f.name, 'hwCode']} label={t('manifests.field.hwCode')} rules={[{ pattern: /^HW\d{2}\/\d{3}-\d{3}-\d{2}$/, message: t('manifests.create.hwCodeFormat') }]}>
                        <Input placeholder="HW06/900-402-06" data-testid={`manifest-form-hwcode-${i}`} onChange={(e) => form.setFieldValue(['lines', f.name, 'hazards'], hazardsFor(e.target.value, vocabulary.data))} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item name={[f.name, 'form']} label={t('manifests.field.form')} rules={required}>
                        <Select options={PHYSICAL_FORMS.map(option('form'))} data-testid={`manifest-form-form-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item name={[f.name, 'packaging']} label={t('manifests.field.packaging')} rules={required}>
                        <Select options={PACKAGINGS.map(option('packaging'))} data-testid={`manifest-form-packaging-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item name={[f.name, 'containers']} label={t('manifests.field.containers')} rules={required}>
                        <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid={`manifest-form-containers-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item name={[f.name, 'quantity']} label={t('manifests.field.quantity')} rules={required}>
                        <InputNumber min={0.001} style={{ width: '100%' }} data-testid={`manifest-form-quantity-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item name={[f.name, 'unit']} label={t('manifests.field.unit')}>
                        <Select options={MANIFEST_UNITS.map((u) => ({ value: u, label: u }))} data-testid={`manifest-form-unit-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={[f.name, 'hazards']} label={t('manifests.field.hazards')}>
                        <Select mode="multiple" options={HAZARD_CHARACTERISTICS.map(option('hazard'))} data-testid={`manifest-form-hazards-${i}`} />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ form: 'liquid', packaging: 'drum', containers: 1, unit: 't' })} disabled={fields.length >= 200} data-testid="manifest-form-add-line">
                {t('manifests.create.addLine')}
              </Button>
            </>
          )}
        </Form.List>
        <Divider />
        <Form.Item name="note" label={t('manifests.field.note')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="manifest-form-note" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
