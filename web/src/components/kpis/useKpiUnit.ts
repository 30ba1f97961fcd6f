/** An indicator's unit as the console's language writes it (`tce/10k CNY` → `tce/万元`); the API's own where none is known. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export function useKpiUnit() {
  const { t } = useTranslation();
  return useCallback((unit: string) => (unit ? t(`kpis.unit.${unit.replace(/[^\w]/g, '_')}`, { defaultValue: unit }) : unit), [t]);
}
