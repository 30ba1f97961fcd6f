/**
 * Share rules as a page: an enterprise's rules on who sees its records beyond those the records
 * name — another enterprise or the park (operator and regulators) — and how much (the scopes of
 * the kind shared: trace events, flows …). Enterprise administrators (and the park administrator,
 * for any enterprise) write; everyone else reads. Each kind of share is one use of this page with
 * its collection, policy resource, scopes and texts; the grantee, owner and list are the same.
 */
import { useMemo, useState } from 'react';
import { Alert, Form, Radio, Select, Space, Tag, Typography, type FormInstance } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useNameOf } from '../api/hooks';
import { useParkDirectory, type HolderRef } from '../api/trace';
import type { Item } from '../api/types';
import { useCan, useUser } from '../auth/session';
import { LinkedName, ParentFilters, required, TimeCell, useLookups, useSeesAllEnterprises } from '../pages/common';
import { EnterpriseSelect } from './fields';
import ResourcePage, { type FormSpec } from './ResourcePage';

/** One share rule as the share-rule collections answer it (src/core/sharing). */
export interface ShareRule extends Item {
  enterpriseId: number;
  /** The enterprise shared with; null: the park. */
  granteeId: number | null;
  scope: string;
}

/** A scope of the kind shared, in the console's language. */
export interface ShareScope {
  value: string;
  label: string;
  /** What the scope lets the grantee see, one line. */
  help: string;
}

/** The page's explanation: one for an enterprise (its own rules), one for the park (every enterprise's). */
export interface ShareIntro {
  title: string;
  detail: string;
}

export interface SharesPageProps {
  collection: string;
  resource: 'trace_share' | 'flow_share';
  testId: string;
  title: string;
  scopes: readonly ShareScope[];
  /** The scope a new rule starts with (the narrower one: sharing more is a choice). */
  defaultScope: string;
  intro: { enterprise: ShareIntro; park: ShareIntro };
}

/** The form's value for "the park" (the API's granteeId null). */
const PARK = 'park';
type Grantee = typeof PARK | number;

const NO_CHOICES: HolderRef[] = [];

/** Enterprises to choose from: the park's directory. */
function useGranteeChoices(): HolderRef[] {
  return useParkDirectory().data?.items ?? NO_CHOICES;
}

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

function ShareForm({ form, editing, choices, resource, scopes }: {
  form: FormInstance; editing: ShareRule | null; choices: HolderRef[]; resource: SharesPageProps['resource']; scopes: readonly ShareScope[];
}) {
  const { t } = useTranslation();
  const user = useUser();
  const can = useCan();
  const all = useSeesAllEnterprises();
  // Who keeps the rules of every enterprise names the owner; others keep their own enterprise's.
  const namesOwner = can('create', resource, { enterpriseId: null });
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
            {scopes.map((s) => (
              <Radio key={s.value} value={s.value} data-testid={`scope-${s.value}`}>
                {s.label}
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {s.help}
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

export default function SharesPage<T extends ShareRule>(p: SharesPageProps) {
  const { t } = useTranslation();
  const all = useSeesAllEnterprises();
  const { enterprises } = useLookups({ enterprises: all });
  const choices = useGranteeChoices();
  const byId = useMemo(() => new Map(choices.map((e) => [e.id, e])), [choices]);
  const scopeLabel = useMemo(() => new Map(p.scopes.map((s) => [s.value, s.label])), [p.scopes]);
  const intro = all ? p.intro.park : p.intro.enterprise;

  const columns: ColumnsType<T> = [
    ...(all
      ? [{ key: 'owner', title: t('share.owner'), render: (_: unknown, r: T) => <LinkedName to={`/enterprises/${r.enterpriseId}`} row={enterprises.get(r.enterpriseId)} missing={r.enterpriseId} /> }]
      : []),
    { key: 'grantee', title: t('share.grantee'), render: (_, r) => <GranteeName id={r.granteeId} choices={byId} /> },
    {
      key: 'scope',
      title: t('share.scope'),
      // The widest scope is every kind's `all`; the narrower ones are told apart by colour.
      render: (_, r) => <Tag color={r.scope === 'all' ? 'blue' : 'cyan'}>{scopeLabel.get(r.scope) ?? r.scope}</Tag>,
    },
    { key: 'createdAt', title: t('field.createdAt'), render: (_, r) => <TimeCell ms={r.createdAt} /> },
  ];

  const form: FormSpec<T> = {
    width: 520,
    defaults: { granteeId: PARK, scope: p.defaultScope },
    toValues: (r) => ({ enterpriseId: r.enterpriseId, granteeId: r.granteeId ?? PARK, scope: r.scope }),
    // The grantee cannot change (a new rule instead); "the park" is the API's null.
    toBody: (body, values, editing) => {
      const { granteeId: _ignored, ...rest } = body;
      return editing ? rest : { ...rest, granteeId: values.granteeId === PARK ? null : values.granteeId };
    },
    render: (f, editing) => <ShareForm form={f} editing={editing} choices={choices} resource={p.resource} scopes={p.scopes} />,
  };

  return (
    <ResourcePage<T>
      collection={p.collection}
      resource={p.resource}
      testId={p.testId}
      title={p.title}
      columns={columns}
      form={form}
      noSearch
      intro={<Alert type="info" showIcon title={intro.title} description={intro.detail} style={{ marginBottom: 16 }} data-testid={`${p.testId}-intro`} />}
      toolbar={all ? (filters, setFilter) => <ParentFilters filters={filters} setFilter={setFilter} levels={['enterprise']} /> : undefined}
    />
  );
}
