// Thresholds and targets.

import { Type } from 'typebox';
import { FlagChanges } from './dealerMaster.js';

export const Setting = Type.Object({
  key: Type.String(), value: Type.Number(), default: Type.Number(), min: Type.Number(), max: Type.Number(), zh: Type.String(), en: Type.String(),
});
export const SettingsList = Type.Array(Setting);

export const SettingChange = Type.Object({
  key: Type.String({ minLength: 1, maxLength: 100 }),
  /** null resets the setting to its default. */
  value: Type.Union([Type.Null(), Type.Number()]),
});

/** The value now in force, the recompute, and the flags it added and removed. */
export const SettingChanged = Type.Object({ key: Type.String(), value: Type.Number(), dealerMonths: Type.Integer(), ms: Type.Number(), flags: FlagChanges });
