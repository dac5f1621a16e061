// The staff and supplier scorecard answers of the API, typed from its schemas (@fixops/contracts).

import type { Static } from 'typebox';
import type * as C from '@fixops/contracts';

export type StaffList = Static<typeof C.StaffList>;
export type StaffMember = Static<typeof C.StaffMember>;
export type StaffDetail = Static<typeof C.StaffDetail>;
export type StaffHistoryEntry = Static<typeof C.StaffHistoryEntry>;
export type StaffScorecardCreated = Static<typeof C.StaffScorecardCreated>;
export type SupplierList = Static<typeof C.SupplierList>;
export type Supplier = Static<typeof C.Supplier>;
export type SupplierDetail = Static<typeof C.SupplierDetail>;
export type SupplierStatus = Static<typeof C.SupplierStatus>;
