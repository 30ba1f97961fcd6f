/**
 * Proposes a deal on a suggested match (or counters one): the terms — quantity per month or once,
 * price, start and end — pre-filled from the plan; the other party answers in Deals.
 */
import { useEffect } from 'react';
import { Col, Form, Input, InputNumber, Modal, Radio, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DealTerms } from '../../api/exchange';
import { ErrorAlert } from '../errors';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Terms that start on the first of next month and run six months. */
export function defaultTerms(quantity: number, price: number | null, today = new Date()): DealTerms {
  const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1));
  const end = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 7, 0));
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return { quantity: Math.round(quantity * 1000) / 1000, recurrence: 'month', priceCnyPerUnit: price ?? 0, startDate: iso(start), endDate: iso(end) };
}

interface Props {
  open: boolean;
  title: string;
  initial: DealTerms | null;
  unit: string;
  pending: boolean;
  error: unknown;
  onCancel(): void;
  onSubmit(terms: DealTerms, note: string | undefined): void;
  testId?: string;
}

export default function TermsModal({ open, title, initial, unit, pending, error, onCancel, onSubmit, testId = 'terms-modal' }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DealTerms & { _note?: string }>();
  useEffect(() => {
    if (open && initial) form.setFieldsValue({ ...initial, _note: undefined });
  }, [open, initial, form]);
  const submit = async () => {
    const v = await form.validateFields();
    const { _note, ...terms } = v;
    onSubmit({ quantity: terms.quantity, recurrence: terms.recurrence, priceCnyPerUnit: terms.priceCnyPerUnit, startDate: terms.startDate, endDate: terms.endDate }, _note?.trim() || undefined);
  };
  return (
    <Modal open={open} title={title} onCancel={onCancel} onOk={() => void submit()} confirmLoading={pending} destroyOnHidden okButtonProps={{ ...({ 'data-testid': `${testId}-ok` } as object) }} width={560}>
      <div data-testid={testId}>
        <ErrorAlert error={error} testId={`${testId}-error`} />
        <Form form={form} layout="vertical" initialValues={initial ?? undefined} preserve={false}>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="quantity" label={t('exchange.deals.quantity')} rules={[{ required: true, message: t('validation.required') }]}>
                <InputNumber min={0} suffix={unit} style={{ width: '100%' }} data-testid="terms-quantity" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="recurrence" label={t('exchange.deals.recurrence')}>
                <Radio.Group data-testid="terms-recurrence">
                  <Radio value="month">{t('exchange.recurrence.month')}</Radio>
                  <Radio value="once">{t('exchange.recurrence.once')}</Radio>
                </Radio.Group>
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="priceCnyPerUnit" label={t('exchange.deals.price')} tooltip={t('exchange.field.priceHelp')} rules={[{ required: true, message: t('validation.required') }]}>
            <InputNumber style={{ width: '100%' }} data-testid="terms-price" />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="startDate" label={t('exchange.deals.startDate')} rules={[{ required: true, message: t('validation.required') }, { pattern: DATE, message: 'YYYY-MM-DD' }]}>
                <Input data-testid="terms-start" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="endDate" label={t('exchange.deals.endDate')} rules={[{ required: true, message: t('validation.required') }, { pattern: DATE, message: 'YYYY-MM-DD' }]}>
                <Input data-testid="terms-end" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="_note" label={t('exchange.deals.note')}>
            <Input.TextArea rows={2} data-testid="terms-note" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
