/** What a flow page shows when the period holds no flows: how to get some. */
import { Button, Empty, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

export default function FlowsEmpty({ title }: { title?: string }) {
  const { t } = useTranslation();
  return (
    <Empty
      data-testid="flows-empty"
      description={
        <>
          <Typography.Text strong>{title ?? t('flows.empty.title')}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{t('flows.empty.help')}</Typography.Text>
        </>
      }
    >
      <Link to="/flows/ledger">
        <Button type="primary">{t('flows.empty.toLedger')}</Button>
      </Link>
    </Empty>
  );
}
