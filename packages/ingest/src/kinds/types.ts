// The shape of one export kind: its columns, their types, aliases and whether required.

export type KindId = 'repair_orders' | 'bookings' | 'accident_repairs' | 'customers' | 'dealers';
export const KIND_IDS: readonly KindId[] = ['repair_orders', 'bookings', 'accident_repairs', 'customers', 'dealers'];

export type ColumnType = 'text' | 'vin' | 'dealer' | 'timestamp' | 'money' | 'integer' | 'repair_type' | 'booking_status';

export interface ColumnSpec {
  /** Canonical name, also the stored column. */
  name: string;
  type: ColumnType;
  /** 'yes': must be present with a value in every row. 'dealer': required unless the upload names the dealer. */
  required: 'yes' | 'no' | 'dealer';
  /** Header aliases, in any case, before normalisation. */
  aliases: readonly string[];
  /** For enums: the column must be present but an empty value is allowed. */
  emptyAllowed?: boolean;
}

export interface KindSpec {
  id: KindId;
  zh: string;
  en: string;
  columns: readonly ColumnSpec[];
  /** Column whose value identifies a row per dealer (duplicates with different content are rejected). */
  key?: string;
  /** Column whose month places the row (replace-per-month); absent for snapshots and master data. */
  monthFrom?: string;
}
