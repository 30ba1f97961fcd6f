/** Users of the park and of enterprises: create, change, disable or enable, reset a password. */
import { useState } from 'react';
import { App, Badge, Form, Input, Modal, Popconfirm, Select, Tag } from 'antd';
import { KeyOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Query } from '../api/client';
import { useUpdateUser } from '../api/auth';
import { ENTERPRISE_ROLES, isParkRole, LOCALES, ROLES, USERNAME_PATTERN, type Role, type User } from '../api/types';
import { useSession, useUser } from '../auth/session';
import { ErrorAlert, useNotifyError } from '../components/errors';
import { EnterpriseSelect, EnumSelect } from '../components/fields';
import ResourcePage, { RowAction, type FormSpec } from '../components/ResourcePage';
import { LinkedName, ParentFilters, required, TimeCell, useLookups, useSeesAllEnterprises } from './common';

const ROLE_COLORS: Record<Role, string> = {
  park_admin: 'red',
  park_viewer: 'volcano',
  enterprise_admin: 'blue',
  enterprise_operator: 'cyan',
  enterprise_viewer: 'default',
};

function ResetPassword({ target, onClose }: { target: User | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const reset = useUpdateUser();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await reset.mutateAsync({ id: target!.id, body: { password: v.password } });
      message.success(t('users.passwordReset'));
      onClose();
    } catch {
      // Shown from the mutation's error above the form.
    }
  };
  return (
    <Modal open={!!target} title={t('users.resetPasswordOf', { name: target?.username })} onCancel={onClose} onOk={submit} confirmLoading={reset.isPending} afterClose={reset.reset} destroyOnHidden okText={t('action.save')} cancelText={t('action.cancel')}>
      <ErrorAlert error={reset.error} />
      <p>{t('users.resetPasswordHelp')}</p>
      <Form form={form} layout="vertical" name="reset">
        <Form.Item name="password" label={t('account.newPassword')} rules={[required(t), { min: 8, message: t('validation.passwordLength') }]}>
          <Input.Password autoComplete="new-password" data-testid="reset-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function UsersTable({ fixed, title }: { fixed?: Query; title?: string }) {
  const { t } = useTranslation();
  const me = useUser();
  const { can, grantableRoles: grantable } = useSession();
  const all = useSeesAllEnterprises();
  const { enterprises } = useLookups({ enterprises: all });
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const update = useUpdateUser();
  const [resetting, setResetting] = useState<User | null>(null);
  // Who may change users of every enterprise chooses a new user's enterprise, and may change their own account here.
  const manageAll = can('update', 'user', { enterpriseId: null });

  const setDisabled = async (u: User, disabled: boolean) => {
    try {
      await update.mutateAsync({ id: u.id, body: { disabled } });
      message.success(t(disabled ? 'users.disabledMessage' : 'users.enabledMessage', { name: u.username }));
    } catch (err) {
      notifyError(err);
    }
  };

  const columns: ColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username' },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    { title: t('users.role'), dataIndex: 'role', render: (r: Role) => <Tag color={ROLE_COLORS[r]}>{t(`enum.role.${r}`)}</Tag> },
    ...(all && fixed?.enterpriseId === undefined
      ? [{ title: t('field.enterprise'), dataIndex: 'enterpriseId', render: (v: number | null) => (v ? <LinkedName to={`/enterprises/${v}`} row={enterprises.get(v)} missing={v} /> : <Tag>{t('users.park')}</Tag>) }]
      : []),
    { title: t('users.locale'), dataIndex: 'locale', render: (v: string) => t(`language.${v}`, { defaultValue: v }) },
    {
      title: t('users.status'),
      dataIndex: 'disabled',
      render: (v: boolean) => <Badge status={v ? 'error' : 'success'} text={v ? t('users.disabled') : t('users.active')} />,
    },
    { title: t('users.lastLoginAt'), dataIndex: 'lastLoginAt', render: (v: number | null) => <TimeCell ms={v} /> },
  ];

  const rowActions = (u: User) => {
    if (u.id === me.id || !can('update', 'user', u)) return null;
    return (
      <>
        <RowAction label={t('users.resetPassword')} icon={<KeyOutlined />} onClick={() => setResetting(u)} data-testid="row-reset-password" />
        <Popconfirm
          title={t(u.disabled ? 'users.confirmEnable' : 'users.confirmDisable', { name: u.username })}
          okText={t('action.confirm')}
          cancelText={t('action.cancel')}
          onConfirm={() => setDisabled(u, !u.disabled)}
        >
          <RowAction label={t(u.disabled ? 'users.enable' : 'users.disable')} danger={!u.disabled} icon={u.disabled ? <UnlockOutlined /> : <LockOutlined />} data-testid={u.disabled ? 'row-enable' : 'row-disable'} />
        </Popconfirm>
      </>
    );
  };

  const form: FormSpec<User> = {
    defaults: { locale: 'zh-CN', role: grantable.includes('enterprise_viewer') ? 'enterprise_viewer' : undefined },
    render: (_f, editing) => {
      const roles = editing ? grantable.filter((r) => isParkRole(r) === isParkRole(editing.role)) : grantable;
      return (
        <>
          <Form.Item name="username" label={t('users.username')} extra={t('help.username')} rules={[required(t), { pattern: USERNAME_PATTERN, message: t('validation.username') }]}>
            <Input disabled={!!editing} autoComplete="off" data-testid="field-username" />
          </Form.Item>
          <Form.Item name="displayName" label={t('users.displayName')} rules={[required(t)]}>
            <Input maxLength={200} data-testid="field-displayName" />
          </Form.Item>
          <Form.Item name="role" label={t('users.role')} rules={[required(t)]}>
            <EnumSelect name="role" values={roles} data-testid="field-role" />
          </Form.Item>
          {can('create', 'user', { enterpriseId: null }) && (
            <Form.Item noStyle shouldUpdate={(a, b) => a.role !== b.role}>
              {({ getFieldValue }) =>
                ENTERPRISE_ROLES.includes(getFieldValue('role')) && (
                  <Form.Item name="enterpriseId" label={t('field.enterprise')} rules={[required(t)]}>
                    <EnterpriseSelect disabled={!!editing || fixed?.enterpriseId !== undefined} data-testid="field-enterprise" />
                  </Form.Item>
                )
              }
            </Form.Item>
          )}
          <Form.Item name="locale" label={t('users.locale')}>
            <Select options={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))} />
          </Form.Item>
          {!editing && (
            <Form.Item name="password" label={t('users.initialPassword')} rules={[required(t), { min: 8, message: t('validation.passwordLength') }]}>
              <Input.Password autoComplete="new-password" data-testid="field-password" />
            </Form.Item>
          )}
        </>
      );
    },
  };

  return (
    <>
      <ResourcePage<User>
        collection="users"
        resource="user"
        testId="users"
        title={title}
        columns={columns}
        fixed={fixed}
        form={form}
        noDelete
        searchPlaceholder={t('users.search')}
        rowActions={rowActions}
        rowWritable={(u) => u.id !== me.id || manageAll}
        toolbar={(filters, setFilter) => (
          <>
            <ParentFilters filters={filters} setFilter={setFilter} fixed={fixed} levels={['enterprise']} />
            <EnumSelect
              name="role"
              values={ROLES}
              allowClear
              placeholder={t('filter.role')}
              value={filters.role as string | undefined}
              onChange={(v) => setFilter('role', v)}
              style={{ width: 180 }}
            />
          </>
        )}
      />
      <ResetPassword target={resetting} onClose={() => setResetting(null)} />
    </>
  );
}

export default function UsersPage() {
  const { t } = useTranslation();
  return <UsersTable title={t('menu.users')} />;
}
