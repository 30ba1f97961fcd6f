/**
 * The ledger's nodes (流量节点): the park, its system boundary (suppliers, customers, air, water
 * bodies, landfill …), a node per enterprise and per process unit — those follow the registry and
 * are changed there — and the nodes people add where the registry has none: a wastewater pit, a
 * named contractor's yard. Administrators add and change the latter (the park administrator
 * park-level ones and any enterprise's, an enterprise administrator its own).
 */
import { useMemo } from 'react';
import { Alert, Form, Input, Radio, Select, Tag, Tooltip, type FormInstance } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { BOUNDARY_KINDS, NODE_KINDS, useFlowNodes, type FlowNode } from '../api/flows';
import { useNameOf } from '../api/hooks';
import { useCan } from '../auth/session';
import { EnterpriseSelect } from '../components/fields';
import { isSyncedNode } from '../components/flows/nodes';
import ResourcePage, { type FormSpec } from '../components/ResourcePage';
import { NameCell, NameFields, ParentFilters, required, useSeesAllEnterprises } from './common';

/** The kinds a person may add: park and enterprise nodes come from the registry (resources.ts on the server). */
const ADDABLE_KINDS = ['unit', 'boundary'] as const;
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const KIND_COLORS: Record<string, string> = { park: 'purple', enterprise: 'blue', unit: 'geekblue', boundary: 'orange' };

function NodeForm({ form, editing, nodes }: { form: FormInstance; editing: FlowNode | null; nodes: readonly FlowNode[] }) {
  const { t } = useTranslation();
  const can = useCan();
  const nameOf = useNameOf();
  const kind = Form.useWatch('kind', form) as string | undefined;
  // Who may add any enterprise's nodes (the park administrator) names the owner, or none: a park-level node.
  const namesOwner = can('create', 'flow_node', { enterpriseId: null });
  const parents = nodes.filter((n) => n.kind !== 'boundary' && n.id !== editing?.id).map((n) => ({ value: n.id, label: `${nameOf(n) || n.code} (${n.code})` }));
  return (
    <>
      {namesOwner && (
        <Form.Item name="enterpriseId" label={t('flows.field.enterprise')} extra={t('flows.nodes.enterpriseHelp')}>
          <EnterpriseSelect disabled={!!editing} allowClear data-testid="field-enterprise" />
        </Form.Item>
      )}
      <Form.Item name="code" label={t('field.code')} extra={t('flows.nodes.codeHelp')} rules={[required(t), { pattern: CODE, message: t('validation.code') }, { max: 100 }]}>
        <Input maxLength={100} data-testid="field-code" />
      </Form.Item>
      <NameFields />
      <Form.Item name="kind" label={t('flows.field.kind')} rules={[required(t)]}>
        <Radio.Group disabled={!!editing} data-testid="field-kind">
          {ADDABLE_KINDS.map((k) => (
            <Radio key={k} value={k} data-testid={`node-kind-${k}`}>
              {t(`flows.nodeKind.${k}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      {kind === 'boundary' && (
        <Form.Item name="boundaryKind" label={t('flows.field.boundaryKind')} rules={[required(t)]}>
          <Select options={BOUNDARY_KINDS.map((b) => ({ value: b, label: t(`flows.boundary.${b}`) }))} data-testid="field-boundaryKind" />
        </Form.Item>
      )}
      <Form.Item name="parentId" label={t('flows.field.parent')} extra={t('flows.nodes.parentHelp')}>
        <Select allowClear options={parents} showSearch={{ optionFilterProp: 'label' }} data-testid="field-parent" />
      </Form.Item>
    </>
  );
}

export default function FlowNodesPage() {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const all = useSeesAllEnterprises();
  // Every visible node, for the names of parents and enterprises and the parent picker.
  const directory = useFlowNodes();
  const nodes = useMemo(() => directory.data?.items ?? [], [directory.data]);
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const enterpriseNode = useMemo(() => new Map(nodes.filter((n) => n.kind === 'enterprise').map((n) => [n.enterpriseId, n])), [nodes]);
  const nodeName = (id: number | null) => {
    const n = id === null ? undefined : byId.get(id);
    return n ? <span title={n.code}>{nameOf(n) || n.code}</span> : id === null ? '' : `#${id}`;
  };

  const columns: ColumnsType<FlowNode> = [
    { title: t('field.code'), dataIndex: 'code' },
    { title: t('field.name'), dataIndex: 'name', render: (_: unknown, r) => <NameCell row={r} /> },
    {
      title: t('flows.field.kind'),
      dataIndex: 'kind',
      render: (_: unknown, r) => (
        <Tag color={KIND_COLORS[r.kind]} data-testid="node-kind">
          {t(`flows.nodeKind.${r.kind}`)}
        </Tag>
      ),
    },
    { title: t('flows.field.boundaryKind'), dataIndex: 'boundaryKind', render: (v: string | null) => (v ? t(`flows.boundary.${v}`) : '') },
    ...(all ? [{ title: t('flows.field.enterprise'), key: 'enterprise', render: (_: unknown, r: FlowNode) => (r.enterpriseId === null ? <Tag>{t('flows.nodes.parkLevel')}</Tag> : nodeName(enterpriseNode.get(r.enterpriseId)?.id ?? null)) }] : []),
    { title: t('flows.field.parent'), dataIndex: 'parentId', render: (v: number | null) => nodeName(v) },
    {
      title: t('flows.nodes.origin'),
      key: 'origin',
      render: (_: unknown, r) =>
        isSyncedNode(r) ? (
          <Tooltip title={t('flows.nodes.syncedHelp')}>
            <Tag color="default" data-testid="node-synced">{t('flows.nodes.synced')}</Tag>
          </Tooltip>
        ) : (
          <Tag color="green" data-testid="node-added">{t('flows.nodes.added')}</Tag>
        ),
    },
  ];

  const form: FormSpec<FlowNode> = {
    width: 520,
    defaults: { kind: 'boundary' },
    // A unit node has no boundary kind: a value left from choosing boundary first is not sent.
    toBody: (body, values) => (values.kind === 'boundary' ? body : { ...body, boundaryKind: undefined }),
    render: (f, editing) => <NodeForm form={f} editing={editing} nodes={nodes} />,
  };

  return (
    <ResourcePage<FlowNode>
      collection="flow-nodes"
      resource="flow_node"
      testId="flow-nodes"
      title={t('flows.title.nodes')}
      entityLabel={t('flows.nodes.entity')}
      columns={columns}
      form={form}
      unpaged
      noSearch
      rowWritable={(r) => !isSyncedNode(r)}
      intro={<Alert type="info" showIcon title={t('flows.nodes.intro')} description={t('flows.nodes.introDetail')} style={{ marginBottom: 16 }} data-testid="flow-nodes-intro" />}
      toolbar={(filters, setFilter) => (
        <>
          {all && <ParentFilters filters={filters} setFilter={setFilter} levels={['enterprise']} />}
          <Select
            allowClear
            placeholder={t('flows.field.kind')}
            value={filters.kind as string | undefined}
            onChange={(v) => setFilter('kind', v)}
            options={NODE_KINDS.map((k) => ({ value: k, label: t(`flows.nodeKind.${k}`) }))}
            style={{ width: 180 }}
            data-testid="filter-node-kind"
          />
        </>
      )}
    />
  );
}
