/** Names the exchange pages show: materials (by id and code, with their unit), enterprises and sites, in the console's language. */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAll, useNameOf } from '../../api/hooks';
import type { Enterprise, Material, Site } from '../../api/types';

export function useExchangeNames() {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const materials = useAll<Material>('materials');
  const enterprises = useAll<Enterprise>('enterprises');
  const sites = useAll<Site>('sites');
  const materialByCode = useMemo(() => new Map(materials.items.map((m) => [m.code, m])), [materials.items]);
  const materialName = useCallback((code: string | undefined | null) => (code ? nameOf(materialByCode.get(code)) || code : ''), [nameOf, materialByCode]);
  const materialNameById = useCallback((id: number | undefined | null) => (id ? nameOf(materials.byId.get(id)) || `#${id}` : ''), [nameOf, materials.byId]);
  const unitOfMaterial = useCallback((id: number | undefined | null) => (id ? (materials.byId.get(id)?.unit ?? '') : ''), [materials.byId]);
  const unitOfCode = useCallback((code: string | undefined | null) => (code ? (materialByCode.get(code)?.unit ?? '') : ''), [materialByCode]);
  /** An enterprise's short name where it has one; an anonymous party (null) as 匿名 / Anonymous. */
  const enterpriseName = useCallback(
    (id: number | null | undefined) => {
      if (id === null || id === undefined) return t('exchange.anonymous');
      const e = enterprises.byId.get(id) as (Enterprise & { shortName?: string | null; shortNameEn?: string | null }) | undefined;
      return nameOf(e) || `#${id}`;
    },
    [enterprises.byId, nameOf, t],
  );
  const siteName = useCallback((id: number | null | undefined) => (id === null || id === undefined ? '' : nameOf(sites.byId.get(id)) || `#${id}`), [sites.byId, nameOf]);
  return {
    materials: materials.items, materialById: materials.byId, materialByCode, materialName, materialNameById, unitOfMaterial, unitOfCode,
    enterprises: enterprises.items, enterpriseName, sites: sites.items, siteById: sites.byId, siteName,
  };
}
