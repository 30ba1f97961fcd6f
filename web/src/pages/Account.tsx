/** The caller's own account: name, language, password and API keys. */
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiKeys, useChangePassword, useCreateApiKey, useRevokeApiKey, useUpdateMe } from '../api/auth';
import { useItem, useNameOf } from '../api/hooks';
import { LOCALES, type ApiKey, type Enterprise } from '../api/types';
import { useUser } from '../auth/session';
import { applyFieldErrors, ErrorAlert, useNotifyError } from '../components/errors';
import QueryState from '../components/QueryState';
import { rememberLanguage, type Language } from '../i18n';
import { required, TimeCell } from './common';

function Profile() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const updateMe = useUpdateMe();
  const { message } = App.useApp();
  const nameOf = useNameOf();
  const ent = useItem<Enterprise>('enterprises', user.enterpriseId ?? undefined);
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);

  const save = async (v: { displayName: string; locale: Language }) => {
    setError(null);
    try {
      const body: Record<string, string> = {};
      if (v.displayName.trim() !== user.displayName) body.displayName = v.displayName.trim();
      if (v.locale !== user.locale) body.locale = v.locale;
      if (Object.keys(body).length === 0) return;
      await updateMe.mutateAsync(body);
      if (body.locale) {
        // Saved on the server already: switch this browser without a second PATCH.
        rememberLanguage(v.locale);
        void i18n.changeLanguage(v.locale);
      }
      message.success(t('message.saved'));
    } catch (err) {
      setError(err);
      applyFieldErrors(form, err, ['displayName', 'locale']);
    }
  };

  return (
    <Card title={t('account.profile')} data-testid="account-profile">
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('users.username')}>{user.username}</Descriptions.Item>
        <Descriptions.Item label={t('users.role')}>{t(`enum.role.${user.role}`)}</Descriptions.Item>
        {user.enterpriseId !== null && <Descriptions.Item label={t('field.enterprise')}>{ent.data ? nameOf(ent.data) : `#${user.enterpriseId}`}</Descriptions.Item>}
      </Descriptions>
      <ErrorAlert error={error} />
      <Form key={`${user.displayName}|${user.locale}`} form={form} layout="vertical" name="profile" initialValues={{ displayName: user.displayName, locale: user.locale }} onFinish={save}>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[required(t)]}>
          <Input maxLength={200} data-testid="profile-displayName" />
        </Form.Item>
        <Form.Item name="locale" label={t('users.locale')}>
          <Select options={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))} data-testid="profile-locale" />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="profile-save">
          {t('action.save')}
        </Button>
      </Form>
    </Card>
  );
}

function ChangePassword() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const changePassword = useChangePassword();
  const submit = async (v: { currentPassword: string; newPassword: string }) => {
    setError(null);
    try {
      await changePassword.mutateAsync({ currentPassword: v.currentPassword, newPassword: v.newPassword });
      form.resetFields();
      message.success(t('account.passwordChanged'));
    } catch (err) {
      setError(err);
      applyFieldErrors(form, err, ['currentPassword', 'newPassword']);
    }
  };
  return (
    <Card title={t('account.changePassword')} data-testid="account-password">
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" name="password" onFinish={submit}>
        <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[required(t)]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('account.newPassword')} rules={[required(t), { min: 8, message: t('validation.passwordLength') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('account.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            required(t),
            ({ getFieldValue }) => ({
              validator: async (_r, v) => {
                if (v && v !== getFieldValue('newPassword')) throw new Error(t('validation.passwordMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('account.changePassword')}
        </Button>
      </Form>
    </Card>
  );
}

function ApiKeys() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const keys = useApiKeys();
  const createKey = useCreateApiKey();
  const revokeKey = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiKey | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();

  const create = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      const k = await createKey.mutateAsync({ name: v.name.trim(), ...(v.expiresInDays ? { expiresInDays: v.expiresInDays } : {}) });
      setCreating(false);
      setCreated(k);
      form.resetFields();
    } catch (err) {
      setError(err);
      applyFieldErrors(form, err, ['name', 'expiresInDays']);
    }
  };

  const revoke = async (k: ApiKey) => {
    try {
      await revokeKey.mutateAsync(k.id);
      message.success(t('account.keyRevoked'));
    } catch (err) {
      notifyError(err);
    }
  };

  return (
    <Card
      title={t('account.apiKeys')}
      data-testid="account-api-keys"
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="api-key-create">
          {t('account.createKey')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('account.apiKeysHelp')}</Typography.Paragraph>
      <QueryState query={keys} loading={<Table<ApiKey> size="small" loading dataSource={[]} pagination={false} />}>
        {(data) => (
          <Table<ApiKey>
            rowKey="id"
            size="small"
            dataSource={data.items}
            pagination={false}
            columns={[
              { title: t('account.keyName'), dataIndex: 'name' },
              { title: t('account.keyPrefix'), dataIndex: 'prefix', render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
              { title: t('field.createdAt'), dataIndex: 'createdAt', render: (v: number) => <TimeCell ms={v} /> },
              { title: t('account.expiresAt'), dataIndex: 'expiresAt', render: (v: number | null) => (v ? <TimeCell ms={v} /> : t('account.never')) },
              { title: t('account.lastUsedAt'), dataIndex: 'lastUsedAt', render: (v: number | null) => <TimeCell ms={v} /> },
              {
                key: 'revoke',
                width: 1,
                render: (_: unknown, k) => (
                  <Popconfirm title={t('account.confirmRevoke')} okText={t('account.revoke')} cancelText={t('action.cancel')} okButtonProps={{ danger: true }} onConfirm={() => revoke(k)}>
                    <Button size="small" type="link" danger icon={<DeleteOutlined />} data-testid="api-key-revoke">
                      {t('account.revoke')}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      <Modal open={creating} title={t('account.createKey')} onCancel={() => setCreating(false)} onOk={create} confirmLoading={createKey.isPending} okText={t('action.create')} cancelText={t('action.cancel')} forceRender>
        <ErrorAlert error={error} />
        <Form form={form} layout="vertical" name="apikey">
          <Form.Item name="name" label={t('account.keyName')} rules={[required(t), { max: 100 }]}>
            <Input maxLength={100} data-testid="api-key-name" />
          </Form.Item>
          <Form.Item name="expiresInDays" label={t('account.expiresInDays')} extra={t('account.expiresInDaysHelp')}>
            <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!created}
        title={t('account.keyCreated')}
        onCancel={() => setCreated(null)}
        footer={
          <Button type="primary" onClick={() => setCreated(null)} data-testid="api-key-done">
            {t('account.keySaved')}
          </Button>
        }
        mask={{ closable: false }}
      >
        <Alert type="warning" showIcon title={t('account.keyOnce')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph copyable={{ text: created?.key ?? '' }} code style={{ wordBreak: 'break-all', fontSize: 13 }} data-testid="api-key-value">
          {created?.key}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}

export default function AccountPage() {
  return (
    <Row gutter={[16, 16]} data-testid="account-page">
      <Col xs={24} lg={12}>
        <Profile />
      </Col>
      <Col xs={24} lg={12}>
        <ChangePassword />
      </Col>
      <Col span={24}>
        <ApiKeys />
      </Col>
    </Row>
  );
}
