import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(process.argv[2]);
const c = await inst.connect();
const t = Date.now();
await c.run(`CREATE OR REPLACE TABLE ro AS SELECT * FROM read_csv('${process.argv[3]}', header=true, columns={'dealer_code':'VARCHAR','ro_no':'VARCHAR','vin':'VARCHAR','open_time':'TIMESTAMP','repair_type':'VARCHAR','total_amount':'DOUBLE','promised_time':'TIMESTAMP','delivered_time':'TIMESTAMP','advisor':'VARCHAR','labor_amount':'DOUBLE','parts_amount':'DOUBLE','estimate_amount':'DOUBLE','booking_no':'VARCHAR','care_products_amount':'DOUBLE','mileage':'BIGINT'})`);
console.log('read_csv ms', Date.now() - t);
