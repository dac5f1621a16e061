// The type of Report.svelte for TypeScript callers: the server entry (which imports the
// compiled dist/Report.svelte.js) and the dashboard (which imports the source).
import type { Component } from 'svelte';
import type { ReportModel } from '@fixops/assessment/view';
import type { Lang } from '@fixops/shared';
import type { ActionWithEffect } from '@fixops/actions/view';

declare const Report: Component<{ model: ReportModel; lang: Lang; actions?: readonly ActionWithEffect[]; generatedOn?: string; [attr: string]: unknown }>;
export default Report;
