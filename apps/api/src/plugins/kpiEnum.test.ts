import { describe, expect, it } from 'vitest';
import { documentKpiIds } from './kpiEnum.js';

const IDS = ['ro_count', 'first_service_share'];

describe('KPI ids in the OpenAPI document', () => {
  it('become an enum of path and query parameters named kpi, and of kpi text fields of bodies and answers', () => {
    const doc = documentKpiIds({
      paths: {
        '/api/x/{kpi}': {
          get: {
            parameters: [
              { name: 'kpi', in: 'path', schema: { type: 'string', minLength: 1, maxLength: 64 } },
              { name: 'month', in: 'query', schema: { type: 'string' } },
            ],
            responses: { 200: { content: { 'application/json': { schema: { type: 'array', items: { type: 'object', properties: { kpi: { type: 'string' }, dealer: { type: 'string' } } } } } } } },
          },
          post: {
            requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { kpi: { type: 'string', description: 'which' } } } } } },
            responses: {},
          },
        },
      },
    }, IDS);
    const get = doc.paths['/api/x/{kpi}'].get;
    expect(get.parameters[0]!.schema).toEqual({ type: 'string', enum: IDS, description: 'KPI id of the catalogue (data/kpis/*.yaml)' });
    expect(get.parameters[1]!.schema).toEqual({ type: 'string' });
    const item = get.responses[200].content['application/json'].schema.items.properties;
    expect(item.kpi).toMatchObject({ enum: IDS });
    expect(item.dealer).toEqual({ type: 'string' });
    expect(doc.paths['/api/x/{kpi}'].post.requestBody.content['application/json'].schema.properties.kpi).toMatchObject({ enum: IDS, description: 'which · KPI id of the catalogue (data/kpis/*.yaml)' });
  });

  it('leaves other shapes alone: an enum already, a nullable id, a kpis map', () => {
    const props = { kpi: { type: 'string', enum: ['a'] }, kpis: { type: 'object' } };
    const nullable = { anyOf: [{ type: 'string' }, { type: 'null' }] };
    const doc = documentKpiIds({ paths: { '/a': { get: { responses: { 200: { schema: { properties: { ...props, other: { properties: { kpi: nullable } } } } } } } } } }, IDS);
    const schema = doc.paths['/a'].get.responses[200].schema.properties;
    expect(schema.kpi).toEqual({ type: 'string', enum: ['a'] });
    expect(schema.kpis).toEqual({ type: 'object' });
    expect(schema.other.properties.kpi).toEqual(nullable);
  });
});
