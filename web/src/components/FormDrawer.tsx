/**
 * A drawer with a form for creating or editing a record. The body sent is built from the form's
 * fields: on create the filled ones, on edit only the changed ones; helper fields (named `_…`)
 * are never sent. A validation problem from the API is shown on the offending fields.
 */
import { useState, type ReactNode } from 'react';
import { Button, Drawer, Form, Space, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, ErrorAlert } from './errors';

type Values = Record<string, unknown>;

function normalize(v: unknown): unknown {
  if (typeof v === 'string') {
    const s = v.trim();
    return s === '' ? null : s;
  }
  return v === undefined ? null : v;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The request body for a form's values: helper fields dropped, empty strings as null. */
export function bodyOf(values: Values, initial: Values | null): Values {
  const out: Values = {};
  for (const [k, raw] of Object.entries(values)) {
    if (k.startsWith('_')) continue;
    const v = normalize(raw);
    if (initial === null) {
      if (v !== null) out[k] = v;
    } else if (!same(v, normalize(initial[k]))) {
      out[k] = v;
    }
  }
  return out;
}

interface Props {
  open: boolean;
  title: ReactNode;
  /** The record's current values when editing; null when creating. */
  initial: Values | null;
  /** Starting values when creating. */
  defaults?: Values;
  width?: number;
  onClose(): void;
  /** Sends the body; throws the API's error. Not called when an edit changed nothing. */
  onSubmit(body: Values, values: Values): Promise<unknown>;
  children: (form: FormInstance) => ReactNode;
  testId?: string;
}

export default function FormDrawer(props: Props) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={props.open}
      title={props.title}
      onClose={props.onClose}
      size={props.width ?? 560}
      destroyOnHidden
      data-testid={props.testId ?? 'form-drawer'}
    >
      {props.open && <DrawerForm {...props} t={t} />}
    </Drawer>
  );
}

function DrawerForm({ initial, defaults, onClose, onSubmit, children, t }: Props & { t: (k: string) => string }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const start = initial ?? defaults ?? {};

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const body = bodyOf(values, initial);
    if (initial !== null && Object.keys(body).length === 0) {
      onClose();
      return;
    }
    setSaving(true);
    setError(null);
    setExtra([]);
    try {
      await onSubmit(body, values);
      onClose();
    } catch (err) {
      setError(err);
      setExtra(applyFieldErrors(form, err, Object.keys(form.getFieldsValue())));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <ErrorAlert error={error} extra={extra} testId="form-error" />
      <Form form={form} name="resource" layout="vertical" initialValues={start} onFinish={submit} requiredMark>
        {children(form)}
        <Space style={{ marginTop: 8 }}>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="form-submit">
            {t('action.save')}
          </Button>
          <Button onClick={onClose} data-testid="form-cancel">
            {t('action.cancel')}
          </Button>
        </Space>
      </Form>
    </>
  );
}
