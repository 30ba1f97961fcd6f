/**
 * The form of an offer or a demand: what, how much and when, where, price, quality as property
 * ranges (each property in its one unit), and who sees it (the park or chosen partners, anonymous
 * or not). Opened empty, on a listing to edit, or pre-filled from a ledger draft.
 */
import { Col, Form, Input, InputNumber, Radio, Row, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCreate, useUpdate } from '../../api/hooks';
import {
  DISPOSAL_ROUTES, LISTING_AUDIENCES, LISTING_RECURRENCES, type ExchangeListing, type ListingSide, type PropertyRanges,
} from '../../api/exchange';
import { useUser } from '../../auth/session';
import { EnterpriseSelect, MaterialSelect, SiteSelect } from '../fields';
import FormDrawer from '../FormDrawer';
import PropertyRangesField from './PropertyRangesField';
import { rangesOf, rowsOf, type PropertyRow } from './propertyRanges';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the drawer starts from: a listing to edit, or the values of a new one (a draft's). */
export type ListingStart = { editing: ExchangeListing } | { values: Partial<ExchangeListing> & { side: ListingSide } };

interface Props {
  start: ListingStart | null;
  onClose(): void;
}

type Values = Record<string, unknown>;

function valuesOf(l: Partial<ExchangeListing>): Values {
  const { properties, ...rest } = l;
  return { ...rest, accepts: l.accepts ?? [], partnerIds: l.partnerIds ?? [], _properties: rowsOf(properties) };
}

export default function ListingFormDrawer({ start, onClose }: Props) {
  const { t } = useTranslation();
  const user = useUser();
  const create = useCreate<ExchangeListing>('exchange-listings');
  const update = useUpdate<ExchangeListing>('exchange-listings');
  const editing = start && 'editing' in start ? start.editing : null;
  const side: ListingSide = editing?.side ?? (start && 'values' in start ? start.values.side : 'offer');
  const initial = editing ? valuesOf(editing) : null;
  const defaults = start && 'values' in start ? valuesOf({ recurrence: 'month', audience: 'park', anonymous: false, state: 'published', ...start.values }) : undefined;

  const submit = async (body: Values, values: Values) => {
    const properties: PropertyRanges = rangesOf(values._properties as PropertyRow[]);
    const before = editing ? JSON.stringify(rangesOf(rowsOf(editing.properties))) : null;
    const out: Values = { ...body };
    if (!editing || JSON.stringify(properties) !== before) out.properties = properties;
    if (values.audience === 'park' && (!editing || (editing.partnerIds ?? []).length > 0)) out.partnerIds = [];
    if (side === 'offer') delete out.accepts;
    if (editing) await update.mutateAsync({ id: editing.id, body: out });
    else await create.mutateAsync({ side, ...out });
  };

  return (
    <FormDrawer
      open={!!start}
      title={editing ? `${t('exchange.market.edit')} · ${editing.title}` : t(side === 'offer' ? 'exchange.market.newOffer' : 'exchange.market.newDemand')}
      initial={initial}
      defaults={defaults}
      width={720}
      onClose={onClose}
      onSubmit={submit}
      testId="listing-drawer"
    >
      {(form) => (
        <>
          <Form.Item name="title" label={t('exchange.field.title')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input maxLength={200} data-testid="listing-title" />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="materialId" label={t('exchange.field.material')} rules={[{ required: true, message: t('validation.required') }]}>
                <MaterialSelect data-testid="listing-material" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="siteId" label={t('exchange.field.site')} rules={[{ required: true, message: t('validation.required') }]}>
                <SiteSelect filter={{ enterpriseId: editing?.enterpriseId ?? user.enterpriseId }} data-testid="listing-site" />
              </Form.Item>
            </Col>
          </Row>
          {side === 'demand' && (
            <Form.Item name="accepts" label={t('exchange.field.accepts')} extra={t('exchange.field.acceptsHelp')}>
              <Select mode="tags" tokenSeparators={[',', ' ']} data-testid="listing-accepts" />
            </Form.Item>
          )}
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="quantity" label={t('exchange.field.quantity')} rules={[{ required: true, message: t('validation.required') }]}>
                <InputNumber min={0} style={{ width: '100%' }} data-testid="listing-quantity" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="recurrence" label={t('exchange.field.recurrence')} rules={[{ required: true, message: t('validation.required') }]}>
                <Select options={LISTING_RECURRENCES.map((r) => ({ value: r, label: t(`exchange.recurrence.${r}`) }))} data-testid="listing-recurrence" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="minLot" label={t('exchange.field.minLot')}>
                <InputNumber min={0} style={{ width: '100%' }} data-testid="listing-min-lot" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="availableFrom" label={t('exchange.field.availableFrom')} rules={[{ pattern: DATE, message: 'YYYY-MM-DD' }]}>
                <Input placeholder="YYYY-MM-DD" data-testid="listing-from" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="availableTo" label={t('exchange.field.availableTo')} rules={[{ pattern: DATE, message: 'YYYY-MM-DD' }]}>
                <Input placeholder="YYYY-MM-DD" data-testid="listing-to" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="priceCnyPerUnit" label={t('exchange.field.price')} tooltip={t('exchange.field.priceHelp')}>
                <InputNumber style={{ width: '100%' }} data-testid="listing-price" />
              </Form.Item>
            </Col>
          </Row>
          {side === 'offer' && (
            <Form.Item name="currentRoute" label={t('exchange.field.route')}>
              <Select allowClear options={DISPOSAL_ROUTES.map((r) => ({ value: r, label: t(`exchange.route.${r}`) }))} data-testid="listing-route" />
            </Form.Item>
          )}

          <Typography.Text strong>{t('exchange.field.properties')}</Typography.Text>
          <PropertyRangesField form={form} name="_properties" testId="listing-properties" />

          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="audience" label={t('exchange.field.audience')}>
                <Radio.Group data-testid="listing-audience">
                  {LISTING_AUDIENCES.map((a) => (
                    <Radio key={a} value={a}>
                      {t(`exchange.audience.${a}`)}
                    </Radio>
                  ))}
                </Radio.Group>
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="anonymous" label={t('exchange.field.anonymous')} valuePropName="checked">
                <Switch data-testid="listing-anonymous" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.audience !== b.audience}>
            {() =>
              form.getFieldValue('audience') === 'partners' && (
                <Form.Item name="partnerIds" label={t('exchange.field.partners')} rules={[{ required: true, message: t('validation.required') }]}>
                  <EnterpriseSelect mode="multiple" data-testid="listing-partners" />
                </Form.Item>
              )
            }
          </Form.Item>
          {!editing && (
            <Form.Item name="state" label={t('exchange.field.state')}>
              <Radio.Group data-testid="listing-state">
                <Radio value="published">{t('exchange.state.published')}</Radio>
                <Radio value="draft">{t('exchange.state.draft')}</Radio>
              </Radio.Group>
            </Form.Item>
          )}
          <Form.Item name="handling" label={t('exchange.field.handling')}>
            <Input.TextArea rows={2} data-testid="listing-handling" />
          </Form.Item>
          <Form.Item name="note" label={t('exchange.field.note')}>
            <Input.TextArea rows={2} data-testid="listing-note" />
          </Form.Item>
        </>
      )}
    </FormDrawer>
  );
}
