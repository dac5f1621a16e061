// A comparison scorecard as a workbook table: the use-case's (the API's downloads use the same).

export { compareSheet } from '@fixops/usecases/comparisonsSheet';
