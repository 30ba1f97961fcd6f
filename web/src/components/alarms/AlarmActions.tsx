/**
 * Actions on one or more alarms: acknowledge, shelve for a while with a reason, unshelve, comment,
 * and raise an incident from them. The API answers per alarm; those it refused are reported with
 * their reason and stay selected.
 */
import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Space, Tooltip } from 'antd';
import { CheckOutlined, CommentOutlined, EyeInvisibleOutlined, EyeOutlined, FireOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { mayDo, useAlarmActions, type AlarmAction, type AlarmActionBody, type AlarmActionResult } from '../../api/alarms';
import { useSession } from '../../auth/session';
import { useNotifyError } from '../errors';

/** Shelving durations offered first (minutes); any other may be typed. */
const DURATIONS = [15, 60, 240, 480, 1440];
/** The API's longest shelving (a week), so that nothing is shelved and forgotten. */
const MAX_SHELVE_MINUTES = 7 * 24 * 60;

interface Props {
  ids: number[];
  /** Called with the ids the API refused (to keep them selected), after a completed action. */
  onDone?(refused: number[]): void;
  /** Show the incident button (the list; not the single alarm's drawer). */
  incident?: boolean;
  size?: 'small' | 'middle';
}

export default function AlarmActions({ ids, onDone, incident, size = 'middle' }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const notifyError = useNotifyError();
  const navigate = useNavigate();
  const { abilities } = useSession();
  const act = useAlarmActions();
  const [dialog, setDialog] = useState<'shelve' | 'comment' | null>(null);
  const [form] = Form.useForm();
  const none = ids.length === 0;

  const run = async (body: AlarmActionBody): Promise<boolean> => {
    let results: AlarmActionResult[];
    try {
      results = (await act.mutateAsync(body)).results;
    } catch (err) {
      notifyError(err);
      return false;
    }
    const refused = results.filter((r) => !r.ok);
    const done = results.length - refused.length;
    if (refused.length === 0) {
      message.success(t(`alarms.actionDone.${body.action}`, { count: done }));
    } else {
      modal.warning({
        title: t('alarms.actionPartly', { done, refused: refused.length }),
        content: (
          <ul style={{ paddingLeft: 18, margin: 0 }} data-testid="action-refusals">
            {refused.map((r) => (
              <li key={r.id}>#{r.id}: {r.problem?.detail ?? r.problem?.title ?? t('error.internal')}</li>
            ))}
          </ul>
        ),
      });
    }
    onDone?.(refused.map((r) => r.id));
    return true;
  };

  const may = (a: AlarmAction) => mayDo(abilities, `alarm.${a}`);

  const submitDialog = async () => {
    let values: { reason?: string; durationMinutes?: number; comment?: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const ok =
      dialog === 'shelve'
        ? await run({ ids, action: 'shelve', reason: values.reason!.trim(), durationMinutes: values.durationMinutes })
        : await run({ ids, action: 'comment', comment: values.comment!.trim() });
    if (ok) {
      setDialog(null);
      form.resetFields();
    }
  };

  return (
    <>
      <Space wrap size={8}>
        {may('acknowledge') && (
          <Button size={size} type="primary" icon={<CheckOutlined />} disabled={none} loading={act.isPending && act.variables?.action === 'acknowledge'} onClick={() => void run({ ids, action: 'acknowledge' })} data-testid="alarm-ack">
            {t('alarms.action.acknowledge')}
          </Button>
        )}
        {may('shelve') && (
          <Button size={size} icon={<EyeInvisibleOutlined />} disabled={none} onClick={() => setDialog('shelve')} data-testid="alarm-shelve">
            {t('alarms.action.shelve')}
          </Button>
        )}
        {may('unshelve') && (
          <Button size={size} icon={<EyeOutlined />} disabled={none} loading={act.isPending && act.variables?.action === 'unshelve'} onClick={() => void run({ ids, action: 'unshelve' })} data-testid="alarm-unshelve">
            {t('alarms.action.unshelve')}
          </Button>
        )}
        {may('comment') && (
          <Button size={size} icon={<CommentOutlined />} disabled={none} onClick={() => setDialog('comment')} data-testid="alarm-comment">
            {t('alarms.action.comment')}
          </Button>
        )}
        {incident && (
          <Tooltip title={t('alarms.action.raiseIncidentHelp')}>
            <Button size={size} icon={<FireOutlined />} disabled={none} onClick={() => navigate(`/incidents?fromAlarms=${ids.join(',')}`)} data-testid="alarm-raise-incident">
              {t('alarms.action.raiseIncident')}
            </Button>
          </Tooltip>
        )}
      </Space>
      <Modal
        open={dialog !== null}
        title={dialog === 'shelve' ? t('alarms.shelveTitle', { count: ids.length }) : t('alarms.commentTitle', { count: ids.length })}
        okText={dialog === 'shelve' ? t('alarms.action.shelve') : t('alarms.action.comment')}
        cancelText={t('action.cancel')}
        onOk={() => void submitDialog()}
        onCancel={() => setDialog(null)}
        confirmLoading={act.isPending}
        destroyOnHidden
        okButtonProps={{ ...({ 'data-testid': 'alarm-dialog-ok' } as object) }}
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={{ durationMinutes: 60 }}>
          {dialog === 'shelve' ? (
            <>
              <Form.Item name="reason" label={t('alarms.field.reason')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
                <Input.TextArea rows={2} maxLength={500} showCount data-testid="shelve-reason" />
              </Form.Item>
              <Form.Item label={t('alarms.field.duration')} required>
                <Space wrap>
                  <Form.Item name="durationMinutes" noStyle rules={[{ required: true, message: t('validation.required') }]}>
                    <InputNumber<number> min={1} max={MAX_SHELVE_MINUTES} precision={0} addonAfter={t('alarms.unit.min')} style={{ width: 160 }} data-testid="shelve-duration" />
                  </Form.Item>
                  {DURATIONS.map((m) => (
                    <Button key={m} size="small" onClick={() => form.setFieldsValue({ durationMinutes: m })}>
                      {m >= 60 ? t('alarms.duration.hours', { count: m / 60 }) : t('alarms.duration.minutes', { count: m })}
                    </Button>
                  ))}
                </Space>
              </Form.Item>
            </>
          ) : (
            <Form.Item name="comment" label={t('alarms.field.comment')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
              <Input.TextArea rows={3} maxLength={2000} showCount data-testid="alarm-comment-text" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
