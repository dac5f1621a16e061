// Hand-computed KPI cases for kpis.md. Every expected number below was worked out on paper
// from the rows of its case and is written as a literal (fractions such as 14 / 19 are
// written as the fraction); nothing here calls the reference or the engine.
// Keys of `values` are 'DEALER|YYYY-MM|kpi'. Both the reference and the DuckDB engine are
// checked against these cases.

import type { RefFlag, RefInput } from '../reference/types.js';
import { accident, booking, CASE_DEFAULT_SETTINGS, customer, flag, input, monthlyRevenue, ro } from './builders.js';

export interface KpiCase {
  name: string;
  input: RefInput;
  expected: {
    values?: Partial<Record<string, number | null>>;
    flags?: { include?: RefFlag[]; exclude?: RefFlag[] };
  };
}

export const KPI_CASES: KpiCase[] = [
  {
    name: 'basic mix: counts, revenue, shares; internal excluded',
    input: input({
      ros: [
        ro('D1', '2025-03-03 09:00:00', 'maintenance', 'V1', 500),
        ro('D1', '2025-03-04 09:00:00', 'general', 'V2', 1500),
        ro('D1', '2025-03-05 09:00:00', 'accident', 'V3', 8000),
        ro('D1', '2025-03-06 09:00:00', 'warranty', 'V4', 1000),
        ro('D1', '2025-03-07 09:00:00', 'internal', 'V5', 300),
      ],
    }),
    expected: {
      values: {
        'D1|2025-03|ro_count': 4,
        'D1|2025-03|accident_ro_count': 1,
        'D1|2025-03|accident_share': 0.25,
        'D1|2025-03|accident_avg_value': 8000,
        'D1|2025-03|major_accident_count': 0,
        'D1|2025-03|revenue': 11000,
        'D1|2025-03|revenue_per_ro': 2750,
        'D1|2025-03|warranty_share': 1000 / 11000,
        'D1|2025-03|booking_rate': 0,
        'D1|2025-03|booking_show_rate': null,
        'D1|2025-03|on_time_rate': null,
        'D1|2025-03|promise_coverage': 0,
        'D1|2025-03|time_estimate_accuracy': null,
        'D1|2025-03|cost_estimate_accuracy': null,
        'D1|2025-03|care_product_penetration': 0,
        'D1|2025-03|rework_rate': 0,
        'D1|2025-03|unclassified_rate': 0,
        'D1|2025-03|base_customers': 4,
        'D1|2025-03|churn_rate': null,
        'D1|2025-03|data_completeness': 14 / 19,
      },
      flags: {
        include: [
          flag('D1', '2025-03', 'booking_rate', 'target'),
          flag('D1', '2025-03', 'promise_coverage', 'target'),
          flag('D1', '2025-03', 'care_product_penetration', 'target'),
          flag('D1', '2025-03', 'data_completeness', 'target'),
          flag('D1', '2025-03', 'booking_show_rate', 'not_tracked'),
          flag('D1', '2025-03', 'on_time_rate', 'not_tracked'),
          flag('D1', '2025-03', 'time_estimate_accuracy', 'not_tracked'),
          flag('D1', '2025-03', 'cost_estimate_accuracy', 'not_tracked'),
          flag('D1', '2025-03', 'churn_rate', 'not_tracked'),
        ],
        exclude: [
          flag('D1', '2025-03', 'warranty_share', 'target'),
          flag('D1', '2025-03', 'rework_rate', 'target'),
          flag('D1', '2025-03', 'unclassified_rate', 'target'),
          flag('D1', '2025-03', 'ro_count', 'not_tracked'),
          flag('D1', '2025-03', 'care_product_penetration', 'not_tracked'),
          flag('D1', '2025-03', 'major_accident_count', 'not_tracked'),
        ],
      },
    },
  },
  {
    name: 'bookings only: counts, sums and RO ratios are null',
    input: input({
      bookings: [
        booking('D1', 'B1', '2025-03-03 09:00:00', 'arrived'),
        booking('D1', 'B2', '2025-03-04 09:00:00', 'arrived'),
        booking('D1', 'B3', '2025-03-05 09:00:00', 'no_show'),
        booking('D1', 'B4', '2025-03-06 09:00:00', 'cancelled'),
        booking('D1', 'B5', '2025-03-07 09:00:00', 'pending'),
      ],
    }),
    expected: {
      values: {
        'D1|2025-03|ro_count': null,
        'D1|2025-03|accident_ro_count': null,
        'D1|2025-03|accident_share': null,
        'D1|2025-03|accident_avg_value': null,
        'D1|2025-03|major_accident_count': null,
        'D1|2025-03|revenue': null,
        'D1|2025-03|revenue_per_ro': null,
        'D1|2025-03|warranty_share': null,
        'D1|2025-03|booking_rate': null,
        'D1|2025-03|booking_show_rate': 2 / 3,
        'D1|2025-03|on_time_rate': null,
        'D1|2025-03|promise_coverage': null,
        'D1|2025-03|time_estimate_accuracy': null,
        'D1|2025-03|cost_estimate_accuracy': null,
        'D1|2025-03|care_product_penetration': null,
        'D1|2025-03|rework_rate': null,
        'D1|2025-03|unclassified_rate': null,
        'D1|2025-03|base_customers': null,
        'D1|2025-03|churn_rate': null,
        'D1|2025-03|data_completeness': 1 / 19,
      },
      flags: {
        include: [
          flag('D1', '2025-03', 'ro_count', 'not_tracked'),
          flag('D1', '2025-03', 'revenue', 'not_tracked'),
          flag('D1', '2025-03', 'major_accident_count', 'not_tracked'),
          flag('D1', '2025-03', 'unclassified_rate', 'not_tracked'),
          flag('D1', '2025-03', 'base_customers', 'not_tracked'),
          flag('D1', '2025-03', 'churn_rate', 'not_tracked'),
          flag('D1', '2025-03', 'booking_show_rate', 'target'),
          flag('D1', '2025-03', 'data_completeness', 'target'),
        ],
        exclude: [
          flag('D1', '2025-03', 'booking_show_rate', 'not_tracked'),
          flag('D1', '2025-03', 'data_completeness', 'not_tracked'),
          flag('D1', '2025-03', 'booking_rate', 'target'),
        ],
      },
    },
  },
  {
    name: 'only internal ROs: ro_count 0, revenue 0, ratios over ro_count null',
    input: input({
      ros: [
        ro('D1', '2025-03-03 09:00:00', 'internal', 'V1', 800),
        ro('D1', '2025-03-04 09:00:00', 'internal', 'V2', 200),
      ],
    }),
    expected: {
      values: {
        'D1|2025-03|ro_count': 0,
        'D1|2025-03|accident_ro_count': 0,
        'D1|2025-03|accident_share': null,
        'D1|2025-03|accident_avg_value': null,
        'D1|2025-03|major_accident_count': 0,
        'D1|2025-03|revenue': 0,
        'D1|2025-03|revenue_per_ro': null,
        'D1|2025-03|warranty_share': null,
        'D1|2025-03|booking_rate': null,
        'D1|2025-03|booking_show_rate': null,
        'D1|2025-03|on_time_rate': null,
        'D1|2025-03|promise_coverage': null,
        'D1|2025-03|time_estimate_accuracy': null,
        'D1|2025-03|cost_estimate_accuracy': null,
        'D1|2025-03|care_product_penetration': null,
        'D1|2025-03|rework_rate': null,
        'D1|2025-03|unclassified_rate': 0,
        'D1|2025-03|base_customers': null,
        'D1|2025-03|churn_rate': null,
        'D1|2025-03|data_completeness': 5 / 19,
      },
      flags: {
        include: [
          flag('D1', '2025-03', 'revenue_per_ro', 'not_tracked'),
          flag('D1', '2025-03', 'base_customers', 'not_tracked'),
        ],
        exclude: [
          flag('D1', '2025-03', 'ro_count', 'not_tracked'),
          flag('D1', '2025-03', 'revenue', 'not_tracked'),
          flag('D1', '2025-03', 'major_accident_count', 'not_tracked'),
          flag('D1', '2025-03', 'unclassified_rate', 'not_tracked'),
        ],
      },
    },
  },
  {
    name: 'unclassified_rate counts internal ROs in its denominator; unclassified is external',
    input: input({
      ros: [
        ro('D1', '2025-03-03 09:00:00', 'unclassified', 'V1', 100),
        ro('D1', '2025-03-04 09:00:00', 'general', 'V2', 100),
        ro('D1', '2025-03-05 09:00:00', 'internal', 'V3', 100),
        ro('D1', '2025-03-06 09:00:00', 'internal', 'V4', 100),
      ],
    }),
    expected: {
      values: {
        'D1|2025-03|ro_count': 2,
        'D1|2025-03|unclassified_rate': 0.25,
        'D1|2025-03|revenue': 200,
        'D1|2025-03|revenue_per_ro': 100,
        'D1|2025-03|rework_rate': 0,
        'D1|2025-03|base_customers': 2,
      },
      flags: { include: [flag('D1', '2025-03', 'unclassified_rate', 'target')] },
    },
  },
  {
    name: 'accident_avg_value from accident_repairs rows; major at exactly 10000; accident_repairs-only month',
    input: input({
      ros: [
        ro('D1', '2025-03-02 09:00:00', 'accident', 'V1', 5000),
        ro('D1', '2025-03-03 09:00:00', 'accident', 'V2', 15000),
        ro('D1', '2025-03-04 09:00:00', 'general', 'V3', 1000),
      ],
      accidents: [
        accident('D1', '2025-03-05 10:00:00', 12000),
        accident('D1', '2025-03-12 10:00:00', 8000),
        accident('D1', '2025-03-20 10:00:00', 10000),
        accident('D1', '2025-04-02 10:00:00', 20000),
      ],
    }),
    expected: {
      values: {
        'D1|2025-03|ro_count': 3,
        'D1|2025-03|accident_ro_count': 2,
        'D1|2025-03|accident_share': 2 / 3,
        'D1|2025-03|accident_avg_value': 10000,
        'D1|2025-03|major_accident_count': 2,
        'D1|2025-03|revenue': 21000,
        'D1|2025-03|revenue_per_ro': 7000,
        'D1|2025-03|base_customers': 3,
        'D1|2025-03|churn_rate': null,
        'D1|2025-03|data_completeness': 13 / 19,
        'D1|2025-04|ro_count': null,
        'D1|2025-04|accident_ro_count': null,
        'D1|2025-04|accident_share': null,
        'D1|2025-04|revenue': null,
        'D1|2025-04|accident_avg_value': 20000,
        'D1|2025-04|major_accident_count': 1,
        'D1|2025-04|base_customers': 3,
        'D1|2025-04|churn_rate': 0,
        'D1|2025-04|data_completeness': 4 / 19,
      },
      flags: {
        include: [flag('D1', '2025-04', 'ro_count', 'not_tracked')],
        exclude: [
          flag('D1', '2025-04', 'accident_avg_value', 'not_tracked'),
          flag('D1', '2025-04', 'major_accident_count', 'not_tracked'),
          flag('D1', '2025-04', 'churn_rate', 'target'),
        ],
      },
    },
  },
  {
    name: 'accident_avg_value from accident ROs when no accident_repairs rows; 10000 is major, 9999.5 is not',
    input: input({
      ros: [
        ro('D1', '2025-03-02 09:00:00', 'accident', 'V1', 10000),
        ro('D1', '2025-03-03 09:00:00', 'accident', 'V2', 9999.5),
        ro('D1', '2025-03-04 09:00:00', 'accident', 'V3', 4000.5),
        ro('D1', '2025-03-05 09:00:00', 'general', 'V4', 600),
        ro('D2', '2025-03-05 09:00:00', 'general', 'V1', 100),
      ],
    }),
    expected: {
      values: {
        'D1|2025-03|ro_count': 4,
        'D1|2025-03|accident_ro_count': 3,
        'D1|2025-03|accident_share': 0.75,
        'D1|2025-03|accident_avg_value': 8000,
        'D1|2025-03|major_accident_count': 1,
        'D1|2025-03|revenue': 24600,
        'D1|2025-03|revenue_per_ro': 6150,
        'D2|2025-03|accident_ro_count': 0,
        'D2|2025-03|accident_share': 0,
        'D2|2025-03|accident_avg_value': null,
        'D2|2025-03|major_accident_count': 0,
      },
      flags: {
        include: [flag('D2', '2025-03', 'accident_avg_value', 'not_tracked')],
        exclude: [flag('D2', '2025-03', 'major_accident_count', 'not_tracked')],
      },
    },
  },
  {
    name: 'null accident amounts are skipped by the mean and never major',
    input: input({
      ros: [
        ro('D1', '2025-03-02 09:00:00', 'accident', 'V1', 3000),
        ro('D1', '2025-03-03 09:00:00', 'accident', 'V2', null),
        ro('D1', '2025-03-04 09:00:00', 'general', 'V3', 500),
      ],
      accidents: [
        accident('D2', '2025-03-05 10:00:00', 6000),
        accident('D2', '2025-03-06 10:00:00', null),
        accident('D2', '2025-03-07 10:00:00', 20000),
        accident('D3', '2025-03-05 10:00:00', null),
      ],
    }),
    expected: {
      values: {
        'D1|2025-03|ro_count': 3,
        'D1|2025-03|accident_ro_count': 2,
        'D1|2025-03|accident_avg_value': 3000,
        'D1|2025-03|major_accident_count': 0,
        'D1|2025-03|revenue': 3500,
        'D1|2025-03|revenue_per_ro': 3500 / 3,
        'D2|2025-03|ro_count': null,
        'D2|2025-03|accident_ro_count': null,
        'D2|2025-03|accident_avg_value': 13000,
        'D2|2025-03|major_accident_count': 1,
        'D3|2025-03|accident_avg_value': null,
        'D3|2025-03|major_accident_count': 0,
        'D3|2025-03|data_completeness': 1 / 19,
      },
    },
  },
  {
    name: 'revenue: null total_amount counts 0, credits subtract',
    input: input({
      ros: [
        ro('D1', '2025-03-02 09:00:00', 'general', 'V1', 1000),
        ro('D1', '2025-03-03 09:00:00', 'general', 'V2', null),
        ro('D1', '2025-03-04 09:00:00', 'general', 'V3', -200),
        ro('D1', '2025-03-05 09:00:00', 'warranty', 'V4', 400),
      ],
    }),
    expected: {
      values: {
        'D1|2025-03|ro_count': 4,
        'D1|2025-03|revenue': 1200,
        'D1|2025-03|revenue_per_ro': 300,
        'D1|2025-03|warranty_share': 1 / 3,
      },
      flags: { include: [flag('D1', '2025-03', 'warranty_share', 'target')] },
    },
  },
  {
    name: 'warranty_share is null when revenue is 0',
    input: input({
      ros: [
        ro('D1', '2025-03-02 09:00:00', 'warranty', 'V1', 0),
        ro('D1', '2025-03-03 09:00:00', 'general', 'V2', 0),
        ro('D2', '2025-03-02 09:00:00', 'warranty', 'V1', 500),
        ro('D2', '2025-03-03 09:00:00', 'general', 'V2', -500),
      ],
    }),
    expected: {
      values: {
        'D1|2025-03|ro_count': 2,
        'D1|2025-03|revenue': 0,
        'D1|2025-03|revenue_per_ro': 0,
        'D1|2025-03|warranty_share': null,
        'D2|2025-03|revenue': 0,
        'D2|2025-03|revenue_per_ro': 0,
        'D2|2025-03|warranty_share': null,
      },
      flags: {
        include: [flag('D1', '2025-03', 'warranty_share', 'not_tracked'), flag('D2', '2025-03', 'warranty_share', 'not_tracked')],
        exclude: [flag('D1', '2025-03', 'revenue', 'not_tracked')],
      },
    },
  },
  {
    name: 'booking_rate counts external ROs with a non-empty booking_no',
    input: input({
      ros: [
        ro('D1', '2025-03-02 09:00:00', 'general', 'V1', 100, { booking_no: 'B1' }),
        ro('D1', '2025-03-03 09:00:00', 'general', 'V2', 100, { booking_no: '' }),
        ro('D1', '2025-03-04 09:00:00', 'general', 'V3', 100),
        ro('D1', '2025-03-05 09:00:00', 'internal', 'V4', 100, { booking_no: 'B2' }),
        ro('D1', '2025-03-06 09:00:00', 'maintenance', 'V5', 100, { booking_no: 'B3', care_products_amount: 0 }),
      ],
    }),
    expected: {
      values: {
        'D1|2025-03|ro_count': 4,
        'D1|2025-03|booking_rate': 0.5,
        'D1|2025-03|booking_show_rate': null,
        'D1|2025-03|care_product_penetration': 0,
      },
      flags: {
        include: [flag('D1', '2025-03', 'care_product_penetration', 'target')],
        exclude: [flag('D1', '2025-03', 'booking_rate', 'target')],
      },
    },
  },
  {
    name: 'booking_show_rate exactly at the 0.80 target (no flag) and below it (flag)',
    input: input({
      bookings: [
        booking('D1', 'B1', '2025-03-03 09:00:00', 'arrived'),
        booking('D1', 'B2', '2025-03-04 09:00:00', 'arrived'),
        booking('D1', 'B3', '2025-03-05 09:00:00', 'arrived'),
        booking('D1', 'B4', '2025-03-06 09:00:00', 'arrived'),
        booking('D1', 'B5', '2025-03-07 09:00:00', 'no_show'),
        booking('D1', 'B6', '2025-03-08 09:00:00', 'cancelled'),
        booking('D2', 'B1', '2025-03-03 09:00:00', 'arrived'),
        booking('D2', 'B2', '2025-03-04 09:00:00', 'arrived'),
        booking('D2', 'B3', '2025-03-05 09:00:00', 'arrived'),
        booking('D2', 'B4', '2025-03-06 09:00:00', 'no_show'),
        booking('D2', 'B5', '2025-03-07 09:00:00', 'pending'),
      ],
    }),
    expected: {
      values: {
        'D1|2025-03|booking_show_rate': 0.8,
        'D2|2025-03|booking_show_rate': 0.75,
        'D1|2025-03|ro_count': null,
      },
      flags: {
        include: [flag('D2', '2025-03', 'booking_show_rate', 'target')],
        exclude: [flag('D1', '2025-03', 'booking_show_rate', 'target')],
      },
    },
  },
  {
    name: 'booking_show_rate is null with only cancelled and pending bookings',
    input: input({
      ros: [ro('D1', '2025-03-02 09:00:00', 'general', 'V1', 100)],
      bookings: [
        booking('D1', 'B1', '2025-03-03 09:00:00', 'cancelled'),
        booking('D1', 'B2', '2025-03-04 09:00:00', 'pending'),
      ],
    }),
    expected: {
      values: {
        'D1|2025-03|ro_count': 1,
        'D1|2025-03|booking_rate': 0,
        'D1|2025-03|booking_show_rate': null,
      },
      flags: {
        include: [flag('D1', '2025-03', 'booking_show_rate', 'not_tracked'), flag('D1', '2025-03', 'booking_rate', 'target')],
        exclude: [flag('D1', '2025-03', 'booking_show_rate', 'target')],
      },
    },
  },
  {
    name: 'on-time: delivered exactly at the promised time is on time, one second later is late',
    input: input({
      ros: [
        ro('D1', '2025-03-10 08:00:00', 'general', 'V1', 100, { promised_time: '2025-03-10 17:00:00', delivered_time: '2025-03-10 17:00:00' }),
        ro('D1', '2025-03-10 08:00:00', 'general', 'V2', 100, { promised_time: '2025-03-10 17:00:00', delivered_time: '2025-03-10 17:00:01' }),
        ro('D1', '2025-03-10 08:00:00', 'general', 'V3', 100, { promised_time: '2025-03-10 17:00:00', delivered_time: '2025-03-10 16:00:00' }),
        ro('D1', '2025-03-10 08:00:00', 'general', 'V4', 100, { promised_time: '2025-03-10 17:00:00' }),
        ro('D1', '2025-03-10 08:00:00', 'general', 'V5', 100, { delivered_time: '2025-03-10 17:00:00' }),
        ro('D1', '2025-03-10 08:00:00', 'internal', 'V6', 100, { promised_time: '2025-03-10 17:00:00', delivered_time: '2025-03-10 18:00:00' }),
      ],
    }),
    expected: {
      values: {
        'D1|2025-03|ro_count': 5,
        'D1|2025-03|on_time_rate': 2 / 3,
        'D1|2025-03|promise_coverage': 0.8,
        'D1|2025-03|time_estimate_accuracy': 2 / 3,
      },
      flags: {
        include: [
          flag('D1', '2025-03', 'on_time_rate', 'target'),
          flag('D1', '2025-03', 'promise_coverage', 'target'),
          flag('D1', '2025-03', 'time_estimate_accuracy', 'target'),
        ],
      },
    },
  },
  {
    name: 'time estimate: exactly 30 minutes off either way is accurate; the RO stays in its open month',
    input: input({
      ros: [
        ro('D1', '2025-03-10 08:00:00', 'general', 'V1', 100, { promised_time: '2025-03-10 10:00:00', delivered_time: '2025-03-10 10:30:00' }),
        ro('D1', '2025-03-10 08:00:00', 'general', 'V2', 100, { promised_time: '2025-03-10 10:00:00', delivered_time: '2025-03-10 10:30:01' }),
        ro('D1', '2025-03-10 08:00:00', 'general', 'V3', 100, { promised_time: '2025-03-10 10:00:00', delivered_time: '2025-03-10 09:30:00' }),
        ro('D1', '2025-03-10 08:00:00', 'general', 'V4', 100, { promised_time: '2025-03-10 10:00:00', delivered_time: '2025-03-10 09:29:59' }),
        ro('D1', '2025-03-31 23:00:00', 'general', 'V5', 100, { promised_time: '2025-04-01 00:10:00', delivered_time: '2025-04-01 00:20:00' }),
      ],
    }),
    expected: {
      values: {
        'D1|2025-03|ro_count': 5,
        'D1|2025-03|time_estimate_accuracy': 0.6,
        'D1|2025-03|on_time_rate': 0.4,
        'D1|2025-03|promise_coverage': 1,
      },
      flags: {
        include: [flag('D1', '2025-03', 'time_estimate_accuracy', 'target')],
        exclude: [flag('D1', '2025-03', 'promise_coverage', 'target')],
      },
    },
  },
  {
    name: 'cost estimate: exactly 10% off is accurate; estimate 0, null or negative excluded; null total is inaccurate',
    input: input({
      ros: [
        ro('D1', '2025-03-02 09:00:00', 'general', 'V1', 1100, { estimate_amount: 1000 }),
        ro('D1', '2025-03-02 09:00:00', 'general', 'V2', 900, { estimate_amount: 1000 }),
        ro('D1', '2025-03-02 09:00:00', 'general', 'V3', 1100.5, { estimate_amount: 1000 }),
        ro('D1', '2025-03-02 09:00:00', 'general', 'V4', 500, { estimate_amount: 0 }),
        ro('D1', '2025-03-02 09:00:00', 'general', 'V5', 500),
        ro('D1', '2025-03-02 09:00:00', 'general', 'V6', null, { estimate_amount: 2000 }),
        ro('D1', '2025-03-02 09:00:00', 'general', 'V7', 300, { estimate_amount: -100 }),
        ro('D1', '2025-03-02 09:00:00', 'internal', 'V8', 1000, { estimate_amount: 1000 }),
      ],
    }),
    expected: {
      values: {
        'D1|2025-03|ro_count': 7,
        'D1|2025-03|cost_estimate_accuracy': 0.5,
        'D1|2025-03|revenue': 4400.5,
        'D1|2025-03|revenue_per_ro': 4400.5 / 7,
      },
      flags: { include: [flag('D1', '2025-03', 'cost_estimate_accuracy', 'target')] },
    },
  },
  {
    name: 'care product penetration over maintenance ROs; a month without maintenance ROs is null',
    input: input({
      ros: [
        ro('D1', '2025-03-02 09:00:00', 'maintenance', 'V1', 300, { care_products_amount: 50 }),
        ro('D1', '2025-03-03 09:00:00', 'maintenance', 'V2', 300, { care_products_amount: 0 }),
        ro('D1', '2025-03-04 09:00:00', 'maintenance', 'V3', 300),
        ro('D1', '2025-03-05 09:00:00', 'maintenance', 'V4', 300, { care_products_amount: 10 }),
        ro('D1', '2025-03-06 09:00:00', 'general', 'V5', 300, { care_products_amount: 100 }),
        ro('D1', '2025-04-02 09:00:00', 'general', 'V1', 300, { care_products_amount: 100 }),
      ],
    }),
    expected: {
      values: {
        'D1|2025-03|care_product_penetration': 0.5,
        'D1|2025-03|ro_count': 5,
        'D1|2025-03|base_customers': 5,
        'D1|2025-04|care_product_penetration': null,
        'D1|2025-04|ro_count': 1,
        'D1|2025-04|base_customers': 5,
        'D1|2025-04|churn_rate': 0,
      },
      flags: {
        include: [flag('D1', '2025-04', 'care_product_penetration', 'not_tracked')],
        exclude: [flag('D1', '2025-03', 'care_product_penetration', 'target')],
      },
    },
  },
  {
    name: 'rework_rate over ro_count; recall is external, internal is not',
    input: input({
      ros: [
        ro('D1', '2025-03-02 09:00:00', 'rework', 'V1', 200),
        ro('D1', '2025-03-03 09:00:00', 'general', 'V2', 300),
        ro('D1', '2025-03-04 09:00:00', 'recall', 'V3', 0),
        ro('D1', '2025-03-05 09:00:00', 'internal', 'V4', 100),
      ],
    }),
    expected: {
      values: {
        'D1|2025-03|ro_count': 3,
        'D1|2025-03|rework_rate': 1 / 3,
        'D1|2025-03|revenue': 500,
        'D1|2025-03|unclassified_rate': 0,
        'D1|2025-03|base_customers': 3,
      },
      flags: { include: [flag('D1', '2025-03', 'rework_rate', 'target')] },
    },
  },
  {
    name: 'base_customers from customers rows in a bookings-only month; customers add no months',
    input: input({
      bookings: [booking('D1', 'B1', '2025-03-05 09:00:00', 'arrived')],
      customers: [
        customer('D1', 'V1', '2025-01-15 10:00:00'),
        customer('D1', 'V2', '2025-07-01 09:00:00'),
        customer('D9', 'V3', '2025-03-01 10:00:00'),
      ],
    }),
    expected: {
      values: {
        'D1|2025-03|ro_count': null,
        'D1|2025-03|booking_show_rate': 1,
        'D1|2025-03|base_customers': 1,
        'D1|2025-03|churn_rate': 0,
        'D1|2025-03|data_completeness': 3 / 19,
      },
      flags: {
        exclude: [
          flag('D1', '2025-03', 'base_customers', 'not_tracked'),
          flag('D1', '2025-03', 'churn_rate', 'not_tracked'),
          flag('D1', '2025-03', 'churn_rate', 'target'),
        ],
      },
    },
  },
  {
    name: 'churn from customers snapshot events',
    input: input({
      ros: [
        ro('D1', '2025-02-20 09:00:00', 'general', 'V3', 100),
        ro('D1', '2025-03-05 09:00:00', 'general', 'V4', 100),
      ],
      customers: [
        customer('D1', 'V1', '2024-02-10 10:00:00'),
        customer('D1', 'V1', '2023-12-01 10:00:00'),
        customer('D1', 'V2', '2024-06-01 10:00:00'),
        customer('D1', 'V3', '2025-02-20 10:00:00'),
        customer('D1', 'V5', '2025-06-01 10:00:00'),
      ],
    }),
    expected: {
      values: {
        'D1|2025-02|base_customers': 2,
        'D1|2025-02|churn_rate': 0.5,
        'D1|2025-03|base_customers': 3,
        'D1|2025-03|churn_rate': 0,
      },
      flags: {
        include: [flag('D1', '2025-02', 'churn_rate', 'target')],
        exclude: [flag('D1', '2025-03', 'churn_rate', 'target')],
      },
    },
  },
  {
    name: 'churn across a 12-month gap (denominator from a month without rows) and a 13-month gap (null)',
    input: input({
      ros: [
        ro('D1', '2024-01-10 09:00:00', 'general', 'V1', 100),
        ro('D1', '2024-01-10 09:00:00', 'general', 'V2', 100),
        ro('D1', '2024-01-10 09:00:00', 'general', 'V3', 100),
        ro('D1', '2024-01-10 09:00:00', 'general', 'V4', 100),
        ro('D1', '2025-01-10 09:00:00', 'general', 'V1', 100),
        ro('D1', '2025-02-10 09:00:00', 'general', 'V5', 100),
        ro('D2', '2024-01-10 09:00:00', 'general', 'V1', 100),
        ro('D2', '2024-01-10 09:00:00', 'general', 'V2', 100),
        ro('D2', '2025-02-10 09:00:00', 'general', 'V1', 100),
      ],
    }),
    expected: {
      values: {
        'D1|2024-01|base_customers': 4,
        'D1|2024-01|churn_rate': null,
        'D1|2025-01|base_customers': 1,
        'D1|2025-01|churn_rate': 0.75,
        'D1|2025-02|base_customers': 2,
        'D1|2025-02|churn_rate': 0,
        'D2|2024-01|base_customers': 2,
        'D2|2024-01|churn_rate': null,
        'D2|2025-02|base_customers': 1,
        'D2|2025-02|churn_rate': null,
      },
      flags: {
        include: [flag('D1', '2025-01', 'churn_rate', 'target'), flag('D2', '2025-02', 'churn_rate', 'not_tracked')],
        exclude: [flag('D1', '2025-02', 'churn_rate', 'target')],
      },
    },
  },
  {
    name: 'every KPI tracked: data_completeness 19/19',
    input: input({
      ros: [
        ro('D1', '2025-03-03 09:00:00', 'maintenance', 'V1', 600, {
          promised_time: '2025-03-03 12:00:00',
          delivered_time: '2025-03-03 11:50:00',
          estimate_amount: 600,
          booking_no: 'B1',
          care_products_amount: 100,
        }),
        ro('D1', '2025-03-05 09:00:00', 'accident', 'V2', 12000, {
          promised_time: '2025-03-05 18:00:00',
          delivered_time: '2025-03-05 18:20:00',
          estimate_amount: 10000,
        }),
        ro('D1', '2025-03-07 09:00:00', 'warranty', 'V3', 1400, {
          promised_time: '2025-03-07 17:00:00',
          delivered_time: '2025-03-08 09:00:00',
          estimate_amount: 1500,
          booking_no: 'B2',
        }),
        ro('D1', '2025-03-09 09:00:00', 'rework', 'V4', 0),
      ],
      bookings: [
        booking('D1', 'B1', '2025-03-03 08:30:00', 'arrived'),
        booking('D1', 'B2', '2025-03-07 08:30:00', 'arrived'),
        booking('D1', 'B3', '2025-03-20 09:00:00', 'no_show'),
      ],
      customers: [customer('D1', 'V9', '2024-03-15 10:00:00'), customer('D1', 'V1', '2025-01-10 10:00:00')],
    }),
    expected: {
      values: {
        'D1|2025-03|ro_count': 4,
        'D1|2025-03|accident_ro_count': 1,
        'D1|2025-03|accident_share': 0.25,
        'D1|2025-03|accident_avg_value': 12000,
        'D1|2025-03|major_accident_count': 1,
        'D1|2025-03|revenue': 14000,
        'D1|2025-03|revenue_per_ro': 3500,
        'D1|2025-03|warranty_share': 0.1,
        'D1|2025-03|booking_rate': 0.5,
        'D1|2025-03|booking_show_rate': 2 / 3,
        'D1|2025-03|on_time_rate': 1 / 3,
        'D1|2025-03|promise_coverage': 0.75,
        'D1|2025-03|time_estimate_accuracy': 2 / 3,
        'D1|2025-03|cost_estimate_accuracy': 2 / 3,
        'D1|2025-03|care_product_penetration': 1,
        'D1|2025-03|rework_rate': 0.25,
        'D1|2025-03|unclassified_rate': 0,
        'D1|2025-03|base_customers': 4,
        'D1|2025-03|churn_rate': 0.5,
        'D1|2025-03|data_completeness': 1,
      },
      flags: {
        include: [
          flag('D1', '2025-03', 'booking_show_rate', 'target'),
          flag('D1', '2025-03', 'on_time_rate', 'target'),
          flag('D1', '2025-03', 'promise_coverage', 'target'),
          flag('D1', '2025-03', 'time_estimate_accuracy', 'target'),
          flag('D1', '2025-03', 'cost_estimate_accuracy', 'target'),
          flag('D1', '2025-03', 'rework_rate', 'target'),
          flag('D1', '2025-03', 'churn_rate', 'target'),
        ],
        exclude: [
          flag('D1', '2025-03', 'data_completeness', 'target'),
          flag('D1', '2025-03', 'booking_rate', 'target'),
          flag('D1', '2025-03', 'warranty_share', 'target'),
          flag('D1', '2025-03', 'care_product_penetration', 'target'),
          flag('D1', '2025-03', 'unclassified_rate', 'target'),
          flag('D1', '2025-03', 'churn_rate', 'not_tracked'),
          flag('D1', '2025-03', 'cost_estimate_accuracy', 'not_tracked'),
        ],
      },
    },
  },
  {
    name: 'warranty_share exactly at the 0.30 target (no flag) and just above it (flag)',
    input: input({
      ros: [
        ro('D1', '2025-03-02 09:00:00', 'general', 'V1', 700),
        ro('D1', '2025-03-03 09:00:00', 'warranty', 'V2', 300),
        ro('D2', '2025-03-02 09:00:00', 'general', 'V1', 699),
        ro('D2', '2025-03-03 09:00:00', 'warranty', 'V2', 301),
      ],
    }),
    expected: {
      values: {
        'D1|2025-03|warranty_share': 0.3,
        'D2|2025-03|warranty_share': 0.301,
      },
      flags: {
        include: [flag('D2', '2025-03', 'warranty_share', 'target')],
        exclude: [flag('D1', '2025-03', 'warranty_share', 'target')],
      },
    },
  },
  {
    name: 'settings changed: major amount 5000, time tolerance 60 min, cost tolerance 0.20, own targets',
    input: input({
      ros: [
        ro('D1', '2025-03-02 09:00:00', 'accident', 'V1', 6000, { estimate_amount: 5000, booking_no: 'B1' }),
        ro('D1', '2025-03-03 09:00:00', 'accident', 'V2', 4000),
        ro('D1', '2025-03-10 08:00:00', 'rework', 'V3', 100, {
          promised_time: '2025-03-10 10:00:00',
          delivered_time: '2025-03-10 10:45:00',
          booking_no: 'B2',
        }),
        ro('D1', '2025-03-11 09:00:00', 'general', 'V4', 900),
      ],
      settings: {
        majorAccidentAmount: 5000,
        timeEstimateToleranceMinutes: 60,
        costEstimateTolerance: 0.2,
        targets: { rework_rate: { op: '<=', value: 0.5 }, booking_rate: { op: '>=', value: 0.6 } },
      },
    }),
    expected: {
      values: {
        'D1|2025-03|ro_count': 4,
        'D1|2025-03|accident_ro_count': 2,
        'D1|2025-03|accident_share': 0.5,
        'D1|2025-03|accident_avg_value': 5000,
        'D1|2025-03|major_accident_count': 1,
        'D1|2025-03|revenue': 11000,
        'D1|2025-03|revenue_per_ro': 2750,
        'D1|2025-03|warranty_share': 0,
        'D1|2025-03|booking_rate': 0.5,
        'D1|2025-03|booking_show_rate': null,
        'D1|2025-03|on_time_rate': 0,
        'D1|2025-03|promise_coverage': 0.25,
        'D1|2025-03|time_estimate_accuracy': 1,
        'D1|2025-03|cost_estimate_accuracy': 1,
        'D1|2025-03|care_product_penetration': null,
        'D1|2025-03|rework_rate': 0.25,
        'D1|2025-03|unclassified_rate': 0,
        'D1|2025-03|base_customers': 4,
        'D1|2025-03|churn_rate': null,
        'D1|2025-03|data_completeness': 16 / 19,
      },
      flags: {
        include: [flag('D1', '2025-03', 'booking_rate', 'target')],
        exclude: [
          flag('D1', '2025-03', 'rework_rate', 'target'),
          flag('D1', '2025-03', 'on_time_rate', 'target'),
          flag('D1', '2025-03', 'promise_coverage', 'target'),
          flag('D1', '2025-03', 'data_completeness', 'target'),
        ],
      },
    },
  },
  {
    name: 'same rows with the default settings',
    input: input({
      ros: [
        ro('D1', '2025-03-02 09:00:00', 'accident', 'V1', 6000, { estimate_amount: 5000, booking_no: 'B1' }),
        ro('D1', '2025-03-03 09:00:00', 'accident', 'V2', 4000),
        ro('D1', '2025-03-10 08:00:00', 'rework', 'V3', 100, {
          promised_time: '2025-03-10 10:00:00',
          delivered_time: '2025-03-10 10:45:00',
          booking_no: 'B2',
        }),
        ro('D1', '2025-03-11 09:00:00', 'general', 'V4', 900),
      ],
      settings: CASE_DEFAULT_SETTINGS,
    }),
    expected: {
      values: {
        'D1|2025-03|accident_avg_value': 5000,
        'D1|2025-03|major_accident_count': 0,
        'D1|2025-03|time_estimate_accuracy': 0,
        'D1|2025-03|cost_estimate_accuracy': 0,
        'D1|2025-03|booking_rate': 0.5,
        'D1|2025-03|data_completeness': 16 / 19,
      },
      flags: {
        include: [
          flag('D1', '2025-03', 'rework_rate', 'target'),
          flag('D1', '2025-03', 'on_time_rate', 'target'),
          flag('D1', '2025-03', 'promise_coverage', 'target'),
          flag('D1', '2025-03', 'time_estimate_accuracy', 'target'),
          flag('D1', '2025-03', 'cost_estimate_accuracy', 'target'),
          flag('D1', '2025-03', 'data_completeness', 'target'),
        ],
        exclude: [flag('D1', '2025-03', 'booking_rate', 'target')],
      },
    },
  },
  {
    name: 'trend: 6 prior months with MAD > 0 flag both ways; MAD = 0, 5 months in the window, 5 non-null values do not',
    input: input({
      ros: [
        // History 100, 110, 120, 100, 110, 120: median 110, MAD 10.
        ...monthlyRevenue('D1', 'V1', [['2024-09', 100], ['2024-10', 110], ['2024-11', 120], ['2024-12', 100], ['2025-01', 110], ['2025-02', 120], ['2025-03', 200]]),
        ...monthlyRevenue('D2', 'V1', [['2024-09', 100], ['2024-10', 110], ['2024-11', 120], ['2024-12', 100], ['2025-01', 110], ['2025-02', 120], ['2025-03', 150]]),
        ...monthlyRevenue('D3', 'V1', [['2024-09', 100], ['2024-10', 110], ['2024-11', 120], ['2024-12', 100], ['2025-01', 110], ['2025-02', 120], ['2025-03', 50]]),
        // 2024-02 is m-13 for 2025-03: only 5 values in m-12 .. m-1.
        ...monthlyRevenue('D4', 'V1', [['2024-02', 100], ['2024-10', 100], ['2024-11', 110], ['2024-12', 120], ['2025-01', 100], ['2025-02', 110], ['2025-03', 1000]]),
        // Constant history: MAD 0.
        ...monthlyRevenue('D5', 'V1', [['2024-09', 100], ['2024-10', 100], ['2024-11', 100], ['2024-12', 100], ['2025-01', 100], ['2025-02', 100], ['2025-03', 500]]),
        // 2024-12 has only a booking: revenue null there, so 5 non-null values.
        ...monthlyRevenue('D6', 'V1', [['2024-09', 100], ['2024-10', 110], ['2024-11', 120], ['2025-01', 110], ['2025-02', 120], ['2025-03', 1000]]),
      ],
      bookings: [booking('D6', 'B1', '2024-12-10 10:00:00', 'arrived')],
      dealers: [
        { dealer: 'D4', peer_group: 'g2' },
        { dealer: 'D5', peer_group: 'g2' },
        { dealer: 'D6', peer_group: 'g2' },
      ],
    }),
    expected: {
      values: {
        'D1|2025-03|revenue': 200,
        'D1|2025-03|revenue_per_ro': 200,
        'D2|2025-03|revenue': 150,
        'D3|2025-03|revenue': 50,
        'D4|2025-03|revenue': 1000,
        'D5|2025-03|revenue': 500,
        'D6|2024-12|revenue': null,
        'D6|2025-03|revenue': 1000,
        'D1|2025-03|ro_count': 1,
        'D1|2025-03|base_customers': 1,
      },
      flags: {
        include: [
          flag('D1', '2025-03', 'revenue', 'trend'),
          flag('D1', '2025-03', 'revenue_per_ro', 'trend'),
          flag('D3', '2025-03', 'revenue', 'trend'),
          flag('D3', '2025-03', 'revenue_per_ro', 'trend'),
        ],
        exclude: [
          flag('D2', '2025-03', 'revenue', 'trend'),
          flag('D4', '2025-03', 'revenue', 'trend'),
          flag('D5', '2025-03', 'revenue', 'trend'),
          flag('D6', '2025-03', 'revenue', 'trend'),
          flag('D1', '2025-03', 'ro_count', 'trend'),
          flag('D1', '2025-03', 'revenue', 'peer'),
          flag('D3', '2025-03', 'revenue', 'peer'),
        ],
      },
    },
  },
  {
    name: 'peer: 5-dealer group flags below P10 / above P90; 4 non-null values or a 4-dealer group do not',
    input: input({
      ros: [
        ro('N1', '2025-03-05 09:00:00', 'general', 'V1', 80, { promised_time: '2025-03-05 17:00:00', delivered_time: '2025-03-05 17:10:00' }),
        ro('N1', '2025-03-06 09:00:00', 'warranty', 'V2', 20),
        ro('N2', '2025-03-05 09:00:00', 'general', 'V1', 180, { promised_time: '2025-03-05 17:00:00', delivered_time: '2025-03-05 16:00:00' }),
        ro('N2', '2025-03-06 09:00:00', 'warranty', 'V2', 20),
        ro('N3', '2025-03-05 09:00:00', 'general', 'V1', 270, { promised_time: '2025-03-05 17:00:00', delivered_time: '2025-03-05 16:30:00' }),
        ro('N3', '2025-03-06 09:00:00', 'warranty', 'V2', 30),
        ro('N4', '2025-03-05 09:00:00', 'general', 'V1', 360, { promised_time: '2025-03-05 17:00:00', delivered_time: '2025-03-05 17:00:00' }),
        ro('N4', '2025-03-06 09:00:00', 'warranty', 'V2', 40),
        ro('N5', '2025-03-05 09:00:00', 'general', 'V1', 250),
        ro('N5', '2025-03-06 09:00:00', 'warranty', 'V2', 250),
        ro('S1', '2025-03-05 09:00:00', 'general', 'V1', 100),
        ro('S2', '2025-03-05 09:00:00', 'general', 'V1', 200),
        ro('S3', '2025-03-05 09:00:00', 'general', 'V1', 300),
        ro('S4', '2025-03-05 09:00:00', 'general', 'V1', 10000),
      ],
      dealers: [
        { dealer: 'N1', peer_group: 'north' },
        { dealer: 'N2', peer_group: 'north' },
        { dealer: 'N3', peer_group: 'north' },
        { dealer: 'N4', peer_group: 'north' },
        { dealer: 'N5', peer_group: 'north' },
        { dealer: 'S1', peer_group: 'south' },
        { dealer: 'S2', peer_group: 'south' },
        { dealer: 'S3', peer_group: 'south' },
        { dealer: 'S4', peer_group: 'south' },
      ],
    }),
    expected: {
      values: {
        // revenue 100..500: P10 = 140; revenue_per_ro 50..250: P10 = 70.
        'N1|2025-03|revenue': 100,
        'N1|2025-03|revenue_per_ro': 50,
        'N5|2025-03|revenue': 500,
        // warranty_share 0.2, 0.1, 0.1, 0.1, 0.5: P90 = 0.38.
        'N1|2025-03|warranty_share': 0.2,
        'N2|2025-03|warranty_share': 0.1,
        'N5|2025-03|warranty_share': 0.5,
        // promise_coverage 0.5 x4 and 0: P10 = 0.2.
        'N1|2025-03|promise_coverage': 0.5,
        'N5|2025-03|promise_coverage': 0,
        'N1|2025-03|on_time_rate': 0,
        'N2|2025-03|on_time_rate': 1,
        'N5|2025-03|on_time_rate': null,
        'N1|2025-03|time_estimate_accuracy': 1,
        'N2|2025-03|time_estimate_accuracy': 0,
        'N3|2025-03|time_estimate_accuracy': 1,
        // completeness 14/19 x4 and 12/19: P10 = 12.8/19.
        'N1|2025-03|data_completeness': 14 / 19,
        'N5|2025-03|data_completeness': 12 / 19,
        'S1|2025-03|revenue': 100,
      },
      flags: {
        include: [
          flag('N1', '2025-03', 'revenue', 'peer'),
          flag('N1', '2025-03', 'revenue_per_ro', 'peer'),
          flag('N5', '2025-03', 'warranty_share', 'peer'),
          flag('N5', '2025-03', 'promise_coverage', 'peer'),
          flag('N5', '2025-03', 'data_completeness', 'peer'),
          flag('N5', '2025-03', 'warranty_share', 'target'),
        ],
        exclude: [
          flag('N2', '2025-03', 'revenue', 'peer'),
          flag('N5', '2025-03', 'revenue', 'peer'),
          flag('N1', '2025-03', 'warranty_share', 'peer'),
          flag('N1', '2025-03', 'on_time_rate', 'peer'),
          flag('N2', '2025-03', 'time_estimate_accuracy', 'peer'),
          flag('N1', '2025-03', 'ro_count', 'peer'),
          flag('N1', '2025-03', 'promise_coverage', 'peer'),
          flag('S1', '2025-03', 'revenue', 'peer'),
          flag('S1', '2025-03', 'revenue_per_ro', 'peer'),
        ],
      },
    },
  },
  {
    name: 'month attribution by open/appointment time; later events do not count; dealers kept apart',
    input: input({
      ros: [
        ro('D1', '2025-03-01 00:00:00', 'general', 'V1', 100, { booking_no: 'B1' }),
        ro('D2', '2025-03-15 09:00:00', 'general', 'V1', 200),
        ro('D2', '2025-03-16 09:00:00', 'internal', 'V2', 50),
      ],
      bookings: [booking('D1', 'B1', '2025-02-28 23:59:59', 'arrived')],
      accidents: [accident('D1', '2025-04-30 23:59:59', 15000)],
    }),
    expected: {
      values: {
        'D1|2025-02|booking_show_rate': 1,
        'D1|2025-02|ro_count': null,
        'D1|2025-02|base_customers': null,
        'D1|2025-02|churn_rate': null,
        'D1|2025-02|data_completeness': 1 / 19,
        'D1|2025-03|ro_count': 1,
        'D1|2025-03|booking_rate': 1,
        'D1|2025-03|booking_show_rate': null,
        'D1|2025-03|accident_avg_value': null,
        'D1|2025-03|major_accident_count': 0,
        'D1|2025-03|base_customers': 1,
        'D1|2025-03|churn_rate': null,
        'D1|2025-03|data_completeness': 12 / 19,
        'D1|2025-04|ro_count': null,
        'D1|2025-04|accident_avg_value': 15000,
        'D1|2025-04|major_accident_count': 1,
        'D1|2025-04|base_customers': 1,
        'D1|2025-04|churn_rate': 0,
        'D1|2025-04|data_completeness': 4 / 19,
        'D2|2025-03|ro_count': 1,
        'D2|2025-03|revenue': 200,
        'D2|2025-03|unclassified_rate': 0,
        'D2|2025-03|base_customers': 1,
      },
    },
  },
  {
    name: 'warming up without a snapshot: windows known from first(d) + 11 months, churn one month later',
    input: input({
      knownHistory: false,
      ros: monthlyRevenue('D1', 'V1', [
        ['2024-01', 100], ['2024-02', 100], ['2024-03', 100], ['2024-04', 100], ['2024-05', 100], ['2024-06', 100], ['2024-07', 100],
        ['2024-08', 100], ['2024-09', 100], ['2024-10', 100], ['2024-11', 100], ['2024-12', 100], ['2025-01', 100],
      ]),
    }),
    expected: {
      values: {
        'D1|2024-01|base_customers': null,
        'D1|2024-01|churn_rate': null,
        // 11 of the 17 KPIs outside the windows are non-null (no accident value, booking show,
        // on-time, time or cost estimate, care); both window KPIs are warming up
        'D1|2024-01|data_completeness': 11 / 17,
        'D1|2024-11|base_customers': null,
        'D1|2024-12|base_customers': 1,
        'D1|2024-12|churn_rate': null,
        'D1|2024-12|data_completeness': 12 / 18,
        'D1|2025-01|base_customers': 1,
        'D1|2025-01|churn_rate': 0,
        'D1|2025-01|data_completeness': 13 / 19,
      },
      flags: {
        include: [flag('D1', '2024-11', 'accident_avg_value', 'not_tracked'), flag('D1', '2024-12', 'data_completeness', 'target')],
        exclude: [
          flag('D1', '2024-01', 'base_customers', 'not_tracked'), flag('D1', '2024-01', 'churn_rate', 'not_tracked'),
          flag('D1', '2024-11', 'base_customers', 'not_tracked'), flag('D1', '2024-12', 'churn_rate', 'not_tracked'),
          flag('D1', '2024-12', 'churn_rate', 'target'),
        ],
      },
    },
  },
  {
    name: 'warming up with snapshots: as_of + 1 >= first(d) makes windows known from as_of; an older one does not help; as_of is the whole file\'s',
    input: input({
      knownHistory: false,
      ros: [
        ...monthlyRevenue('D2', 'V1', [['2025-01', 100], ['2025-02', 100], ['2025-03', 100]]),
        ro('D3', '2025-03-05 10:00:00', 'general', 'V1', 100),
        ro('D4', '2025-03-05 10:00:00', 'general', 'V1', 100),
      ],
      customers: [
        // file 1: D2, as_of 2024-12, first(D2) = 2025-01 = as_of + 1
        customer('D2', 'V9', '2024-12-15 09:00:00', 1),
        // file 2: D3, as_of 2025-01, first(D3) = 2025-03 > as_of + 1: does not help
        customer('D3', 'V8', '2025-01-10 09:00:00', 2),
        // file 3: D4's row is from 2024-06 but the file's latest visit (D5's) is 2025-02
        customer('D4', 'V7', '2024-06-10 09:00:00', 3),
        customer('D5', 'V6', '2025-02-10 09:00:00', 3),
      ],
    }),
    expected: {
      values: {
        'D2|2025-01|base_customers': 2,
        'D2|2025-01|churn_rate': 0,
        'D2|2025-03|base_customers': 2,
        'D2|2025-03|data_completeness': 13 / 19,
        'D3|2025-03|base_customers': null,
        'D3|2025-03|churn_rate': null,
        'D3|2025-03|data_completeness': 11 / 17,
        'D4|2025-03|base_customers': 2,
        'D4|2025-03|churn_rate': 0,
      },
      flags: {
        exclude: [
          flag('D3', '2025-03', 'base_customers', 'not_tracked'), flag('D3', '2025-03', 'churn_rate', 'not_tracked'),
          flag('D2', '2025-01', 'churn_rate', 'not_tracked'),
        ],
      },
    },
  },
];
