/**
 * The new-manifest form as values and as the body `POST /manifests` takes: empty optional fields
 * dropped, a line's hazards pre-filled from the code's entry in the vocabulary. Pure: no I/O.
 */
import type { HazardCharacteristic, ManifestDetail, ManifestUnit, ManifestVocabulary, NewManifest, Packaging, PatchManifest, PhysicalForm } from '../../api/manifestShapes';

export interface LineValues {
  materialId?: number;
  hwCode?: string;
  form?: PhysicalForm;
  packaging?: Packaging;
  containers?: number | null;
  quantity?: number | null;
  unit?: ManifestUnit;
  hazards?: HazardCharacteristic[];
  /** A saved line's batch identifiers, kept as they are when the draft is edited. */
  batches?: string[];
}

export interface LegValues {
  transporterId?: number;
  vehicle?: string;
  driver?: string;
  driverPhone?: string;
}

export interface ManifestFormValues {
  receiverId?: number;
  receiverSiteId?: number | null;
  plannedDate?: string;
  route?: string;
  note?: string;
  legs?: LegValues[];
  lines?: LineValues[];
}

/** The hazard characteristics 国家危险废物名录 gives a code (or its class's, where only the class is listed). */
export function hazardsFor(hwCode: string | null | undefined, vocabulary: Pick<ManifestVocabulary, 'hazards'> | undefined): HazardCharacteristic[] {
  if (!hwCode || !vocabulary) return [];
  const exact = vocabulary.hazards.find((h) => h.hwCode === hwCode);
  if (exact) return [...exact.hazards];
  const cls = hwCode.slice(0, 4);
  return [...(vocabulary.hazards.find((h) => h.hwCode === cls)?.hazards ?? [])];
}

const text = (s: string | undefined | null) => (s && s.trim() ? s.trim() : undefined);

export function newManifestBody(v: ManifestFormValues): NewManifest {
  return {
    receiverId: v.receiverId as number,
    ...(v.receiverSiteId ? { receiverSiteId: v.receiverSiteId } : {}),
    plannedDate: v.plannedDate as string,
    ...(text(v.route) ? { route: text(v.route) } : {}),
    ...(text(v.note) ? { note: text(v.note) } : {}),
    legs: (v.legs ?? [])
      .filter((l) => l?.transporterId && text(l.vehicle))
      .map((l) => ({
        transporterId: l.transporterId as number,
        vehicle: (text(l.vehicle) as string).toUpperCase(),
        ...(text(l.driver) ? { driver: text(l.driver) } : {}),
        ...(text(l.driverPhone) ? { driverPhone: text(l.driverPhone) } : {}),
      })),
    lines: (v.lines ?? []).map((l) => ({
      materialId: l.materialId as number,
      ...(text(l.hwCode) ? { hwCode: text(l.hwCode) } : {}),
      form: l.form ?? 'solid',
      packaging: l.packaging ?? 'drum',
      containers: l.containers ?? 0,
      quantity: l.quantity as number,
      unit: l.unit ?? 't',
      ...(l.hazards && l.hazards.length ? { hazards: l.hazards } : {}),
      ...(l.batches && l.batches.length ? { batches: l.batches } : {}),
    })),
  };
}

/** A saved draft as the form edits it. */
export function toFormValues(m: Pick<ManifestDetail, 'receiver' | 'receiverSite' | 'plannedDate' | 'route' | 'note' | 'legs' | 'lines'>): ManifestFormValues {
  return {
    receiverId: m.receiver.id,
    receiverSiteId: m.receiverSite?.id ?? null,
    plannedDate: m.plannedDate,
    route: m.route ?? undefined,
    note: m.note ?? undefined,
    legs: m.legs.map((l) => ({ transporterId: l.transporter.id, vehicle: l.vehicle, driver: l.driver ?? undefined, driverPhone: l.driverPhone ?? undefined })),
    lines: m.lines.map((l) => ({ materialId: l.materialId, hwCode: l.hwCode, form: l.form, packaging: l.packaging, containers: l.containers, quantity: l.quantity, unit: l.unit, hazards: [...l.hazards], batches: [...l.batches] })),
  };
}

/** A draft's changes (`PATCH /manifests/{id}`): the whole form, answering the version shown; a cleared route, note or facility is sent as none. */
export function patchBody(v: ManifestFormValues, version: number): PatchManifest {
  const body = newManifestBody(v);
  return { version, receiverId: body.receiverId, plannedDate: body.plannedDate, legs: body.legs, lines: body.lines, receiverSiteId: v.receiverSiteId ?? null, route: text(v.route) ?? null, note: text(v.note) ?? null };
}
