// The application's use-cases: what the CLI and the API call, so each is wired once.

export { loadExport, type LoadExportOptions, type LoadExportRequest } from './loadExport.js';
export { undoLoad } from './undoLoad.js';
export { loadDemoNetwork, type DemoLoad, type DemoLoadOptions, type DemoTotals } from './demo.js';
export { readOverview } from './dashboard/overview.js';
export { readPeers, type PeerQuery } from './dashboard/peers.js';
export { readChecklist, type ChecklistReadOptions } from './dashboard/checklist.js';
export { readDealerPage } from './dashboard/dealerPage.js';
export { withLoadLimits, type LoadLimits } from './loadLimits.js';
export { compareFlags, kindWords, withFlagChanges, type FlagChange, type FlagChanges } from './flagChanges.js';
export { changeSetting, type SettingChangeResult } from './changeSetting.js';
export {
  checkDealerPatch, dealerNames, editDealer, listDealerMaster, peerGroups, DEALER_LIMITS, PEER_GROUP_PATTERN,
  type DealerEdit, type DealerMaster, type DealerPatch, type GroupNames, type RegionNames,
} from './dealerMaster.js';
export { kpiRowsSheet, kpisSheet, flagsSheet, benchmarkSheet, coverageSheet, rejectsSheet, fixableRejectsSheet, loadsSheet, unitType, FLAG_KIND_LABEL, COVERAGE_KIND_LABEL } from './sheets.js';
export {
  listComparisons, openComparison, readComparison, comparisonDownload, COMPARISON_ID,
  type ComparisonSummary, type ComparisonKpi, type ComparisonView, type ComparisonFormat, type ComparisonDownload,
} from './comparisons.js';
export { scopeComparison, anonymousSelection, peerLabel, type ComparisonViewer, type ScopedComparison, type ScopedRow } from './comparisonsScope.js';
export { saveComparison, comparisonYaml, type SaveComparisonRequest, type SavedComparison } from './comparisonsSave.js';
export { compareSheet } from './comparisonsSheet.js';
export { comparisonsDir } from '@fixops/compare';
export { groupName, NAME_COLUMNS, NAME_JOINS, regionName, withNames, type NamePair } from './dealerNames.js';
