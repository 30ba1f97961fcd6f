/**
 * Trace sharing: an enterprise's rules on who sees its EPCIS events beyond the parties of its
 * shipments — another enterprise or the park (operator and regulators), all events or only
 * shipments. Enterprise administrators (and the park administrator, for any enterprise) write;
 * everyone else reads.
 */
import { useMemo, useState } from 'react';
import { Alert, Form, Radio, Select, Space, Tag, Typography, type FormInstance } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useNameOf } from '../api/hooks';
import { SHARE_SCOPES, useParkDirectory, type HolderRef, type TraceShare } from '../api/trace';
import { EnterpriseSelect } from '../components/fields';
import ResourcePage, { type FormSpec } from '../components/ResourcePage';
import { LinkedName, ParentFilters, required, TimeCell, useLookups, useSeesAllEnterprises } from './common';
import { useCan, useUser } from '../auth/session';

/** The form's value for "the park" (the API's granteeId null). */
const PARK = 'park';
type Grantee = typeof PARK | number;

/** Enterprises to choose from: the park's directory. */
function useGranteeChoices(): HolderRef[] {
  return useParkDirectory().data?.items ?? NO_CHOICES;
}
const NO_CHOICES: HolderRef[] = [];

function GranteeName({ id, choices }: { id: number | null; choices: Map<number, HolderRef> }) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  if (id === null) return <Tag color="purple" title={t('share.park')}>{t('share.parkShort')}</Tag>;
  const e = choices.get(id);
  return e ? <span>{nameOf(e)} <Typography.Text type="secondary">({e.code})</Typography.Text></span> : <span>{t('share.enterpriseNumber', { id })}</span>;
}

/** The park, an enterprise from the choices, or any other enterprise by its number (typed in). */
function GranteeSelect({ value, onChange, disabled, exclude, choices }: {
  value?: Grantee; onChange?(v: Grantee): void; disabled?: boolean; exclude?: number | null; choices: HolderRef[];
}) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const [typed, setTyped] = useState('');
  const options = useMemo(() => {
    const list: { value: Grantee; label: string }[] = [{ value: PARK, label: t('share.park') }];
    for (const e of choices) if (e.id !== exclude) list.push({ value: e.id, label: `${nameOf(e)} (${e.code})` });
    const n = /^\d{1,9}$/.test(typed.trim()) ? Number(typed.trim()) : null;
    const extra = [n, typeof value === 'number' ? value : null].filter((x): x is number => x !== null && x > 0);
    for (const id of extra) if (!list.some((o) => o.value === id)) list.push({ value: id, label: t('share.enterpriseNumber', { id }) });
    return list;
  }, [choices, exclude, nameOf, t, typed, value]);
  return (
    <Select<Grantee>
      value={value}
      onChange={(v) => onChange?.(v)}
      disabled={disabled}
      options={options}
      showSearch={{ optionFilterProp: 'label', onSearch: setTyped }}
      placeholder={t('share.granteePlaceholder')}
      data-testid="field-grantee"
    />
  );
}

function ShareForm({ form, editing, choices }: { form: FormInstance; editing: TraceShare | null; choices: HolderRef[] }) {
  const { t } = useTranslation();
  const user = useUser();
  const can = useCan();
  const all = useSeesAllEnterprises();
  // Who keeps the rules of every enterprise names the owner; others keep their own enterprise's.
  const namesOwner = can('create', 'trace_share', { enterpriseId: null });
  const owner = (Form.useWatch('enterpriseId', form) as number | undefined) ?? user.enterpriseId;
  return (
    <>
      {namesOwner && (
        <Form.Item name="enterpriseId" label={t('share.owner')} rules={[required(t)]}>
          <EnterpriseSelect disabled={!!editing} data-testid="field-enterprise" />
        </Form.Item>
      )}
      <Form.Item name="granteeId" label={t('share.grantee')} extra={all ? undefined : t('share.granteeHelp')} rules={[required(t)]}>
        <GranteeSelect disabled={!!editing} exclude={owner} choices={choices} />
      </Form.Item>
      <Form.Item name="scope" label={t('share.scope')} rules={[required(t)]}>
        <Radio.Group data-testid="field-scope">
          <Space vertical>
            {SHARE_SCOPES.map((s) => (
              <Radio key={s} value={s} data-testid={`scope-${s}`}>
                {t(`share.scopes.${s}`)}
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`share.scopeHelp.${s}`)}
                  </Typography.Text>
                </div>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
    </>
  );
}

export default function TraceSharesPage() {
  const { t } = useTranslation();
  const all = useSeesAllEnterprises();
  const { enterprises } = useLookups({ enterprises: all });
  const choices = useGranteeChoices();
  const byId = useMemo(() => new Map(choices.map((e) => [e.id, e])), [choices]);

  const columns: ColumnsType<TraceShare> = [
    ...(all
      ? [{ key: 'owner', title: t('share.owner'), render: (_: unknown, r: TraceShare) => <LinkedName to={`/enterprises/${r.enterpriseId}`} row={enterprises.get(r.enterpriseId)} missing={r.enterpriseId} /> }]
      : []),
    { key: 'grantee', title: t('share.grantee'), render: (_, r) => <GranteeName id={r.granteeId} choices={byId} /> },
    {
      key: 'scope',
      title: t('share.scope'),
      render: (_, r) => <Tag color={r.scope === 'all' ? 'blue' : 'cyan'}>{t(`share.scopes.${r.scope}`, { defaultValue: r.scope })}</Tag>,
    },
    { key: 'createdAt', title: t('field.createdAt'), render: (_, r) => <TimeCell ms={r.createdAt} /> },
  ];

  const form: FormSpec<TraceShare> = {
    width: 520,
    defaults: { granteeId: PARK, scope: 'shipments' },
    toValues: (r) => ({ ...r, granteeId: r.granteeId ?? PARK }),
    // The grantee cannot change (a new rule instead); "the park" is the API's null.
    toBody: (body, values, editing) => {
      const { granteeId: _ignored, ...rest } = body;
      return editing ? rest : { ...rest, granteeId: values.granteeId === PARK ? null : values.granteeId };
    },
    render: (f, editing) => <ShareForm form={f} editing={editing} choices={choices} />,
  };

  return (
    <ResourcePage<TraceShare>
      collection="trace-shares"
      resource="trace_share"
      testId="trace-shares"
      title={t('menu.traceShares')}
      columns={columns}
      form={form}
      noSearch
      intro={
        <Alert
          type="info"
          showIcon
          title={all ? t('share.introPark') : t('share.intro')}
          description={all ? t('share.introParkDetail') : t('share.introDetail')}
          style={{ marginBottom: 16 }}
          data-testid="trace-shares-intro"
        />
      }
      toolbar={all ? (filters, setFilter) => <ParentFilters filters={filters} setFilter={setFilter} levels={['enterprise']} /> : undefined}
    />
  );
}
