/**
 * What the flow sources ask of the ledger and of other modules, through their services: the
 * ledger's write and check (FlowLedgerService, ledger-service.ts), the registry's tags, materials
 * and park time zone, telemetry's readings, trace's events and identity's lots. Narrow on purpose,
 * so a source's tests can stand in for any of them.
 */
import type { AuthContext } from '../../core/roles.ts';
import type { FlowInput, LedgerMaterial, RejectedRow, WriteFlowsInput, WriteFlowsResult } from './model.ts';

export interface FlowLedgerPort {
  writeFlows(ctx: AuthContext, write: WriteFlowsInput): Promise<WriteFlowsResult>;
  validateFlows(ctx: AuthContext, rows: FlowInput[]): Promise<RejectedRow[]>;
  materials(ctx: AuthContext): Promise<Map<string, LedgerMaterial>>;
}
