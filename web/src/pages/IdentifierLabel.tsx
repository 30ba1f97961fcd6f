/**
 * The printable label of an identifier: its QR code (the resolvable URL), the handle and the GS1
 * Digital Link. Printing hides the console's frame and prints the label alone.
 */
import { Breadcrumb, Button, Card, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useItem } from '../api/hooks';
import QueryState from '../components/QueryState';
import { KindTag, LabelSvg, type Identifier } from '../components/identifiers';

const PRINT_CSS = `
@media print {
  .ant-layout-sider, .ant-layout-header, .symbiont-no-print { display: none !important; }
  .ant-layout-content { padding: 0 !important; }
  .symbiont-label { border: none !important; box-shadow: none !important; }
}`;

export default function IdentifierLabelPage() {
  const q = useItem<Identifier>('identifiers', Number(useParams().id));
  return <QueryState query={q}>{(item) => <IdentifierLabel item={item} />}</QueryState>;
}

function IdentifierLabel({ item }: { item: Identifier }) {
  const { t } = useTranslation();

  return (
    <div data-testid="identifier-label-page">
      <style>{PRINT_CSS}</style>
      <div className="symbiont-no-print" style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 12 }}>
        <Breadcrumb
          items={[
            { title: <Link to="/identifiers">{t('menu.identifiers')}</Link> },
            { title: <Link to={`/identifiers/${item.id}`}>{item.handle}</Link> },
            { title: t('identifier.label') },
          ]}
        />
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="label-print">
          {t('identifier.print')}
        </Button>
      </div>
      <Card className="symbiont-label" style={{ width: 360, margin: '0 auto' }} styles={{ body: { display: 'flex', flexDirection: 'column', alignItems: 'center' } }}>
        <LabelSvg id={item.id} width={280} />
        <Space vertical size={4} style={{ width: '100%', marginTop: 12, textAlign: 'center' }}>
          <Typography.Text strong style={{ fontFamily: 'monospace', fontSize: 15, wordBreak: 'break-all' }} data-testid="label-handle">
            {item.handle}
          </Typography.Text>
          <div>
            <KindTag kind={item.kind} />
          </div>
          {item.digitalLink && (
            <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }} data-testid="label-digital-link">
              {item.digitalLink}
            </Typography.Text>
          )}
        </Space>
      </Card>
    </div>
  );
}
