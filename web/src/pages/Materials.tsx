/**
 * The material catalogue: the park's shared catalogue (with its waste and trade codes and the
 * sources of its factors) and each enterprise's private materials.
 */
import { useState } from 'react';
import { Col, Descriptions, Drawer, Form, Input, InputNumber, Row, Select, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useNameOf } from '../api/hooks';
import { MATERIAL_CATEGORIES, MATERIAL_CODE_PATTERN, type Material } from '../api/types';
import { EnterpriseSelect, EnumSelect, EnumTag, UomSelect } from '../components/fields';
import ResourcePage, { type FormSpec } from '../components/ResourcePage';
import { NameCell, NameFields, required, TimeCell, useLookups, useSeesAllEnterprises, WrapTitle } from './common';

const CODES = ['hwCode', 'swCode', 'ewcCode', 'hsCode', 'casNo'] as const;
const FACTORS = ['densityKgM3', 'lhvMJPerKg', 'lhvMJPerUnit', 'carbonContentKgCPerKg', 'emissionFactorKgCO2ePerUnit', 'kgcePerUnit'] as const;

const CODE_RULES: Record<(typeof CODES)[number], RegExp> = {
  hwCode: /^HW\d{2}\/\d{3}-\d{3}-\d{2}$/,
  swCode: /^SW\d{2}$/,
  ewcCode: /^\d{2} \d{2} \d{2}\*?$/,
  hsCode: /^\d{4}(\.\d{2}(\d{2})?)?$/,
  casNo: /^\d{2,7}-\d{2}-\d$/,
};

function Owner({ m, enterprises }: { m: Material; enterprises: Map<number, { name: string; nameEn: string | null }> }) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  if (m.enterpriseId === null) return <Tag color="green">{t('material.parkCatalogue')}</Tag>;
  const e = enterprises.get(m.enterpriseId);
  return <Tag color="orange">{e ? nameOf(e) : t('material.private')}</Tag>;
}

function MaterialDetail({ m, onClose, enterprises }: { m: Material | null; onClose(): void; enterprises: Map<number, { name: string; nameEn: string | null }> }) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const sources = m?.sources ?? {};
  const props = m
    ? [...CODES, ...FACTORS].map((k) => ({ key: k, value: m[k], source: sources[k] ?? '' })).filter((r) => r.value !== null || r.source)
    : [];
  const known = new Set<string>([...CODES, ...FACTORS]);
  const otherSources = Object.entries(sources).filter(([k]) => !known.has(k));
  return (
    <Drawer open={!!m} onClose={onClose} size={640} title={m ? `${nameOf(m)} (${m.code})` : ''} data-testid="material-detail">
      {m && (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('field.name')}>{m.name}</Descriptions.Item>
            <Descriptions.Item label={t('field.nameEn')}>{m.nameEn}</Descriptions.Item>
            <Descriptions.Item label={t('field.category')}>
              <EnumTag name="category" value={m.category} />
            </Descriptions.Item>
            <Descriptions.Item label={t('field.hazardous')}>{m.hazardous ? <Tag color="red">{t('common.yes')}</Tag> : t('common.no')}</Descriptions.Item>
            <Descriptions.Item label={t('field.unitOfMeasure')}>{m.unit}</Descriptions.Item>
            <Descriptions.Item label={t('material.owner')}>
              <Owner m={m} enterprises={enterprises} />
            </Descriptions.Item>
            {m.catalogueVersion !== null && <Descriptions.Item label={t('material.catalogueVersion')}>{m.catalogueVersion}</Descriptions.Item>}
            <Descriptions.Item label={t('field.updatedAt')}>
              <TimeCell ms={m.updatedAt} />
            </Descriptions.Item>
            {m.description && (
              <Descriptions.Item label={t('field.description')} span={2}>
                {m.description}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('material.properties')}
          </Typography.Title>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={props}
            data-testid="material-properties"
            locale={{ emptyText: t('material.noProperties') }}
            columns={[
              { title: t('material.property'), dataIndex: 'key', render: (k: string) => t(`field.${k}`) },
              { title: t('material.value'), dataIndex: 'value', render: (v: unknown) => (v === null || v === undefined ? <Typography.Text type="secondary">–</Typography.Text> : String(v)) },
              { title: t('material.source'), dataIndex: 'source', render: (s: string) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s}</Typography.Text> },
            ]}
          />
          {otherSources.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 24 }}>
                {t('material.sources')}
              </Typography.Title>
              <Descriptions column={1} size="small" bordered>
                {otherSources.map(([k, v]) => (
                  <Descriptions.Item key={k} label={k}>
                    {v}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            </>
          )}
        </>
      )}
    </Drawer>
  );
}

export default function MaterialsPage() {
  const { t } = useTranslation();
  const all = useSeesAllEnterprises();
  const { enterprises } = useLookups({ enterprises: all });
  const [shown, setShown] = useState<Material | null>(null);
  const code = (v: string | null) => (v ? <Typography.Text code style={{ whiteSpace: 'nowrap' }}>{v}</Typography.Text> : '');
  const columns: ColumnsType<Material> = [
    // Long codes (HYDROGEN_BYPRODUCT) and names wrap rather than push the last columns under the Actions column.
    { title: t('field.code'), dataIndex: 'code', render: (v: string) => <Typography.Link style={{ display: 'inline-block', maxWidth: 130, overflowWrap: 'anywhere' }}>{v}</Typography.Link> },
    { title: t('field.name'), dataIndex: 'name', render: (_: unknown, r) => <NameCell row={r} maxWidth={160} /> },
    { title: t('field.category'), dataIndex: 'category', render: (v: string) => <EnumTag name="category" value={v} /> },
    { title: t('field.hazardous'), dataIndex: 'hazardous', render: (v: boolean) => (v ? <Tag color="red">{t('material.hazardous')}</Tag> : '') },
    // Short values under long titles: the titles wrap.
    { title: <WrapTitle>{t('field.unitOfMeasure')}</WrapTitle>, dataIndex: 'unit' },
    { title: <WrapTitle>{t('field.hwCode')}</WrapTitle>, dataIndex: 'hwCode', render: code },
    { title: <WrapTitle>{t('field.swCode')}</WrapTitle>, dataIndex: 'swCode', render: code },
    { title: <WrapTitle>{t('field.ewcCode')}</WrapTitle>, dataIndex: 'ewcCode', render: code },
    { title: <WrapTitle>{t('field.hsCode')}</WrapTitle>, dataIndex: 'hsCode', render: code },
    { title: t('material.owner'), dataIndex: 'enterpriseId', render: (_: unknown, r) => <Owner m={r} enterprises={enterprises} /> },
  ];
  const form: FormSpec<Material> = {
    width: 680,
    defaults: { hazardous: false, category: 'raw_material', unit: 't' },
    render: (_f, editing) => (
      <>
        {all && (
          <Form.Item name="enterpriseId" label={t('material.owner')} extra={t('material.ownerHelp')}>
            <EnterpriseSelect disabled={!!editing} placeholder={t('material.parkCatalogue')} data-testid="field-enterprise" />
          </Form.Item>
        )}
        <Form.Item name="code" label={t('field.code')} extra={t('help.materialCode')} rules={[required(t), { pattern: MATERIAL_CODE_PATTERN, message: t('validation.materialCode') }]}>
          <Input disabled={!!editing} data-testid="field-code" />
        </Form.Item>
        <NameFields />
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="category" label={t('field.category')} rules={[required(t)]}>
              <EnumSelect name="category" values={MATERIAL_CATEGORIES} data-testid="field-category" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="unit" label={t('field.unitOfMeasure')} rules={[required(t)]}>
              <UomSelect data-testid="field-unit" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="hazardous" label={t('field.hazardous')} valuePropName="checked">
              <Switch data-testid="field-hazardous" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          {CODES.map((k) => (
            <Col span={k === 'casNo' ? 24 : 12} key={k}>
              <Form.Item name={k} label={t(`field.${k}`)} extra={t(`help.${k}`)} rules={[{ pattern: CODE_RULES[k], message: t('validation.format') }]}>
                <Input data-testid={`field-${k}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Row gutter={12}>
          {FACTORS.map((k) => (
            <Col span={12} key={k}>
              <Form.Item name={k} label={t(`field.${k}`)}>
                <InputNumber min={0} max={k === 'carbonContentKgCPerKg' ? 1 : undefined} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="description" label={t('field.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </>
    ),
  };
  return (
    <>
      <ResourcePage<Material>
        collection="materials"
        resource="material"
        testId="materials"
        title={t('menu.materials')}
        columns={columns}
        sortable
        form={form}
        searchPlaceholder={t('material.search')}
        onRowClick={setShown}
        toolbar={(filters, setFilter) => (
          <>
            <EnumSelect
              name="category"
              values={MATERIAL_CATEGORIES}
              allowClear
              placeholder={t('filter.category')}
              value={filters.category as string | undefined}
              onChange={(v) => setFilter('category', v)}
              style={{ width: 180 }}
              data-testid="filter-category"
            />
            <Select<string>
              allowClear
              placeholder={t('filter.hazardous')}
              value={filters.hazardous === undefined ? undefined : String(filters.hazardous)}
              onChange={(v) => setFilter('hazardous', v === undefined ? undefined : v === 'true')}
              options={[
                { value: 'true', label: t('material.hazardousOnly') },
                { value: 'false', label: t('material.nonHazardousOnly') },
              ]}
              style={{ width: 160 }}
              data-testid="filter-hazardous"
            />
          </>
        )}
      />
      <MaterialDetail m={shown} onClose={() => setShown(null)} enterprises={enterprises} />
    </>
  );
}
