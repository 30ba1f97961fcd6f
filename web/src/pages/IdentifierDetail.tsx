/**
 * One identifier: what it names, its typed values (public or restricted), its QR label, the trace
 * explorer (the genealogy backward to what it was made from and forward to what it went into), and
 * the way to its recall impact report.
 */
import { Breadcrumb, Button, Card, Col, Descriptions, Row, Space, Table, Tag, Typography } from 'antd';
import { AlertOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useItem } from '../api/hooks';
import QueryState from '../components/QueryState';
import { KindTag, LabelSvg, type Identifier, type IdentifierValue } from '../components/identifiers';
import TraceExplorer from '../components/TraceExplorer';
import { TimeCell } from './common';

function ValuesTable({ item }: { item: Identifier }) {
  const { t } = useTranslation();
  const values = [...item.values].sort((a, b) => a.index - b.index);
  return (
    <Table<IdentifierValue>
      rowKey="index"
      size="small"
      pagination={false}
      dataSource={values}
      scroll={{ x: 'max-content' }}
      data-testid="values-table"
      columns={[
        { key: 'index', title: t('identifier.index'), dataIndex: 'index', width: 70 },
        { key: 'type', title: t('identifier.type'), render: (_, v) => <Typography.Text code>{v.type}</Typography.Text> },
        {
          key: 'value',
          title: t('identifier.value'),
          render: (_, v) => (
            <Typography.Text style={{ wordBreak: 'break-all' }} copyable={v.value.length > 20 ? { text: v.value } : false}>
              {v.value}
            </Typography.Text>
          ),
        },
        { key: 'ttl', title: t('identifier.ttl'), render: (_, v) => `${v.ttl} s` },
        {
          key: 'access',
          title: t('identifier.access'),
          render: (_, v) => (v.publicRead ? <Tag color="green">{t('identifier.public')}</Tag> : <Tag color="orange">{t('identifier.restricted')}</Tag>),
        },
      ]}
    />
  );
}

export default function IdentifierDetailPage() {
  const q = useItem<Identifier>('identifiers', Number(useParams().id));
  return <QueryState query={q}>{(item) => <IdentifierDetail item={item} />}</QueryState>;
}

function IdentifierDetail({ item }: { item: Identifier }) {
  const { t } = useTranslation();
  const navigate = useNavigate();

  return (
    <div data-testid="identifier-detail">
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/identifiers">{t('menu.identifiers')}</Link> }, { title: item.handle }]} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={18}>
          <Card
            size="small"
            title={<span style={{ fontFamily: 'monospace' }}>{item.handle}</span>}
            extra={
              <Space size={8}>
                <Button size="small" icon={<AlertOutlined />} onClick={() => navigate(`/identifiers/${item.id}/recall`)} data-testid="open-recall">
                  {t('recall.open')}
                </Button>
                <Button size="small" icon={<PrinterOutlined />} onClick={() => navigate(`/identifiers/${item.id}/label`)} data-testid="open-label">
                  {t('identifier.printLabel')}
                </Button>
              </Space>
            }
          >
            <Descriptions column={{ xs: 1, md: 2 }} size="small" style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t('field.kind')}>
                <KindTag kind={item.kind} />
              </Descriptions.Item>
              <Descriptions.Item label={t('identifier.gtin')}>{item.gtin ?? ''}</Descriptions.Item>
              <Descriptions.Item label={t('identifier.lot')}>{item.lot ?? ''}</Descriptions.Item>
              <Descriptions.Item label={t('identifier.serial')}>{item.serial ?? ''}</Descriptions.Item>
              <Descriptions.Item label={t('identifier.digitalLink')} span="filled">
                {item.digitalLink ? <Typography.Text copyable style={{ wordBreak: 'break-all' }}>{item.digitalLink}</Typography.Text> : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('identifier.url')} span="filled">
                <Typography.Text copyable style={{ wordBreak: 'break-all' }}>{item.url}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('field.createdAt')}>
                <TimeCell ms={item.createdAt} />
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5}>{t('identifier.values')}</Typography.Title>
            <ValuesTable item={item} />
          </Card>
        </Col>
        <Col xs={24} xl={6}>
          <Card size="small" title={t('identifier.label')} style={{ height: '100%' }}>
            <div style={{ display: 'flex', justifyContent: 'center' }}>
              <LabelSvg id={item.id} width={220} />
            </div>
          </Card>
        </Col>
        <Col span={24}>
          <TraceExplorer source={item} />
        </Col>
      </Row>
    </div>
  );
}
