// Public entry of @fixops/demo: the deterministic demo dealer network and the ingest benchmark file.
export { generateNetwork, planNetwork, resolveOptions, LOAD_ORDER, DEFAULTS, type NetworkPlan, type PlannedFile } from './network.js';
export { writeNetwork, MANIFEST_NAME, type WriteResult, type WrittenFile } from './write.js';
export { writeBenchRepairOrders, type BenchOptions } from './bench.js';
export { decodeBytes } from './encoding.js';
export { mulberry32 } from './prng.js';
export { SPECIAL } from './profile.js';
export type {
  DemoDealer, DemoEncoding, DemoFile, DemoFileInfo, DemoNetwork, ExportKind, Manifest, NetworkOptions, Separator, StyleId,
} from './types.js';
