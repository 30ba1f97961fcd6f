/** The park's enterprises (the tenants): list, create, edit, delete. */
import { Form, Input } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { gs1CheckDigit } from '../../../src/modules/identity/model.ts';
import { CODE_PATTERN, INDUSTRIES, type Enterprise } from '../api/types';
import { EnumSelect, IndustryTag } from '../components/fields';
import ResourcePage, { type FormSpec } from '../components/ResourcePage';
import { NameCell, NameFields, required, TimeCell } from './common';

/** A GLN: 13 digits, the last the GS1 check digit of the others. */
const isValidGln = (v: string) => /^\d{13}$/.test(v) && gs1CheckDigit(v.slice(0, 12)) === Number(v[12]);

export function useEnterpriseForm(): FormSpec<Enterprise> {
  const { t } = useTranslation();
  return {
    width: 560,
    render: (_form, editing) => (
      <>
        <Form.Item name="code" label={t('field.code')} extra={t('help.code')} rules={[required(t), { pattern: CODE_PATTERN, message: t('validation.code') }]}>
          <Input disabled={!!editing} data-testid="field-code" />
        </Form.Item>
        <NameFields />
        <Form.Item name="industry" label={t('field.industry')} rules={[required(t)]}>
          <EnumSelect name="industry" values={INDUSTRIES} data-testid="field-industry" />
        </Form.Item>
        <Form.Item name="uscc" label={t('field.uscc')} extra={t('help.uscc')} rules={[{ pattern: /^[0-9A-HJ-NPQRTUWXY]{18}$/, message: t('validation.uscc') }]}>
          <Input maxLength={18} data-testid="field-uscc" />
        </Form.Item>
        <Form.Item
          name="gln"
          label={t('field.gln')}
          extra={t('help.gln')}
          rules={[{ validator: async (_r, v: unknown) => { if (typeof v === 'string' && v.trim() && !isValidGln(v.trim())) throw new Error(t('validation.gln')); } }]}
        >
          <Input maxLength={13} inputMode="numeric" data-testid="field-gln" />
        </Form.Item>
        <Form.Item name="contactName" label={t('field.contactName')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('field.contactPhone')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="description" label={t('field.description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </>
    ),
  };
}

export default function EnterprisesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useEnterpriseForm();
  const columns: ColumnsType<Enterprise> = [
    { title: t('field.code'), dataIndex: 'code', render: (v: string, r) => <Link to={`/enterprises/${r.id}`}>{v}</Link> },
    { title: t('field.name'), dataIndex: 'name', render: (_: unknown, r) => <NameCell row={r} /> },
    { title: t('field.industry'), dataIndex: 'industry', render: (v: string) => <IndustryTag value={v} /> },
    { title: t('field.uscc'), dataIndex: 'uscc' },
    { title: t('field.contactName'), dataIndex: 'contactName' },
    { title: t('field.contactPhone'), dataIndex: 'contactPhone' },
    { title: t('field.updatedAt'), dataIndex: 'updatedAt', render: (v: number) => <TimeCell ms={v} /> },
  ];
  return (
    <ResourcePage<Enterprise>
      collection="enterprises"
      resource="enterprise"
      testId="enterprises"
      title={t('menu.enterprises')}
      columns={columns}
      sortable
      form={form}
      onRowClick={(r) => navigate(`/enterprises/${r.id}`)}
      toolbar={(filters, setFilter) => (
        <EnumSelect
          name="industry"
          values={INDUSTRIES}
          allowClear
          placeholder={t('filter.industry')}
          value={filters.industry as string | undefined}
          onChange={(v) => setFilter('industry', v)}
          style={{ width: 180 }}
          data-testid="filter-industry"
        />
      )}
    />
  );
}
