/**
 * Trace any identifier (/trace?id=<URI>): an EPC URI (urn:epc:id:sgtin:…, urn:epc:class:lgtin:…) or
 * a GS1 Digital Link, minted here or elsewhere, through the events the caller may see; with its
 * recall impact (an identifier minted here links to its page from the table).
 */
import { useState } from 'react';
import { Breadcrumb, Button, Card, Form, Input, Space, Typography } from 'antd';
import { AlertOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { compactRef } from '../components/identifiers';
import TraceExplorer from '../components/TraceExplorer';

/** What the trace input takes: EPC URIs (instances and classes) and Digital Links (any host). */
export const TRACEABLE = /^(urn:epc:(id|class):[a-z0-9]+:\S+|https?:\/\/\S+\/01\/\d{8,14}\S*)$/i;

/** The input of an identifier to trace; leads to /trace?id=…. */
export function TraceAnyInput({ initial = '', width = 460 }: { initial?: string; width?: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState(false);
  const go = (raw: string) => {
    const id = raw.trim();
    if (!TRACEABLE.test(id)) {
      setError(!!id);
      return;
    }
    setError(false);
    navigate(`/trace?${new URLSearchParams({ id })}`);
  };
  return (
    <Form.Item
      style={{ margin: 0 }}
      validateStatus={error ? 'error' : undefined}
      help={error ? t('traceAny.invalid') : undefined}
    >
      <Input.Search
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onSearch={go}
        enterButton={
          <Space size={4}>
            <NodeIndexOutlined />
            {t('traceAny.button')}
          </Space>
        }
        allowClear
        placeholder={t('traceAny.placeholder')}
        style={{ width, maxWidth: '100%' }}
        data-testid="trace-any"
      />
    </Form.Item>
  );
}

export default function TracePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const uri = params.get('id')?.trim() ?? '';

  return (
    <div data-testid="trace-page">
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/identifiers">{t('menu.identifiers')}</Link> }, { title: t('traceAny.title') }]} />
      <Card size="small" title={t('traceAny.title')} style={{ marginBottom: 16 }}>
        <TraceAnyInput key={uri} initial={uri} width={640} />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
          {t('traceAny.help')}
        </Typography.Paragraph>
      </Card>
      {uri && (
        <TraceExplorer
          key={uri}
          source={{ uri }}
          title={
            <span title={uri}>
              {t('trace.title')} · {compactRef(uri)}
            </span>
          }
          extra={
            <Button size="small" icon={<AlertOutlined />} onClick={() => navigate(`/recall?${new URLSearchParams({ id: uri })}`)} data-testid="trace-recall">
              {t('recall.open')}
            </Button>
          }
        />
      )}
    </div>
  );
}
