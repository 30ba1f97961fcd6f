import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

/** No such page; with `record`, no such record (or one the caller may not see: the API answers 404 for both). */
export default function NotFoundPage({ record = false }: { record?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t(record ? 'error.notFound' : 'error.pageNotFound')}
      data-testid="not-found"
      extra={<Button onClick={() => navigate('/')}>{t('menu.overview')}</Button>}
    />
  );
}
