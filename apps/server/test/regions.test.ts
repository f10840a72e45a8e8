import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(async () => {
  await t.close();
});

function csv(lines: string[]): string {
  return Buffer.from(lines.join('\n'), 'utf8').toString('base64');
}

describe('regions', () => {
  it('ships Chongqing and its 38 districts and counties', async () => {
    const city = (await t.call('GET', '/api/v1/regions', admin)).json<{
      items: { id: number; code: string; name: string; childCount: number }[];
    }>();
    expect(city.items[0]).toMatchObject({ code: '500000000000', name: '重庆市', childCount: 38 });
    const counties = await t.call(
      'GET',
      `/api/v1/regions?parentId=${city.items[0]?.id}&pageSize=100`,
      admin,
    );
    const names = counties.json<{ items: { name: string }[] }>().items.map((c) => c.name);
    expect(names).toHaveLength(38);
    expect(names).toEqual(
      expect.arrayContaining(['万州区', '城口县', '巫溪县', '彭水苗族土家族自治县']),
    );
  });

  it('imports a CSV in any row order, townships before villages', async () => {
    const response = await t.call('POST', '/api/v1/regions/import', admin, {
      filename: 'regions.csv',
      contentBase64: csv([
        '代码,名称,上级代码',
        '500230101201,三元村,500230101000',
        '500230101000,三元镇,500230000000',
      ]),
    });
    expect(response.json()).toEqual({ created: 2, unchanged: 0 });
    const village = (await t.call('GET', '/api/v1/regions?q=三元村', admin)).json<{
      items: { level: string }[];
    }>();
    expect(village.items[0]?.level).toBe('village');
    const again = await t.call('POST', '/api/v1/regions/import', admin, {
      filename: 'regions.csv',
      contentBase64: csv(['代码,名称,上级代码', '500230101201,三元村,500230101000']),
    });
    expect(again.json()).toEqual({ created: 0, unchanged: 1 });
  });

  it('imports an .xlsx', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('区划');
    sheet.addRow(['代码', '名称', '上级代码']);
    sheet.addRow(['500231102000', '沙坪镇', '500231000000']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await t.call('POST', '/api/v1/regions/import', admin, {
      filename: 'r.xlsx',
      contentBase64: bytes.toString('base64'),
    });
    expect(response.json()).toEqual({ created: 1, unchanged: 0 });
  });

  it('refuses a file with problems, lists every one of them, and imports nothing', async () => {
    const before = await countRows(t.db, 'region');
    const response = await t.call('POST', '/api/v1/regions/import', admin, {
      filename: 'bad.csv',
      contentBase64: csv([
        'code,name,parent_code',
        '5002,短代码,500000000000',
        '500233101000,好镇,500233000000',
        '500233101201,无名上级村,599999999000',
        '500233101201,重复,500233101000',
      ]),
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<{
      code: string;
      details: { problems: { row: number; code: string }[] };
    }>();
    expect(body.code).toBe('region_import_invalid');
    expect(body.details.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, code: 'region_code_invalid' }),
        expect.objectContaining({ row: 4, code: 'region_parent_missing' }),
        expect.objectContaining({ row: 5, code: 'region_code_exists' }),
      ]),
    );
    expect(await countRows(t.db, 'region')).toBe(before);
  });

  it('allows one fund per village only, and only in a village', async () => {
    const village = (await t.call('GET', '/api/v1/regions?q=东河村', admin)).json<{
      items: { id: number }[];
    }>().items[0];
    const county = (await t.call('GET', '/api/v1/regions?q=城口县', admin)).json<{
      items: { id: number }[];
    }>().items[0];
    const before = await countRows(t.db, 'fund');
    const twice = await t.call('POST', '/api/v1/funds', admin, {
      villageId: village?.id,
      code: 'DUP-1',
      name: '第二个互助社',
    });
    expect(twice.json()).toMatchObject({
      code: 'fund_exists_for_village',
      message: '该村已有互助社，一个行政村只能有一个互助社',
    });
    const notVillage = await t.call('POST', '/api/v1/funds', admin, {
      villageId: county?.id,
      code: 'CTY-1',
      name: '县级互助社',
    });
    expect(notVillage.json()).toMatchObject({ code: 'fund_region_not_village' });
    expect(await countRows(t.db, 'fund')).toBe(before);
  });

  it('binds roles to the right level and records users in the audit log', async () => {
    const county = (await t.call('GET', '/api/v1/regions?q=城口县', admin)).json<{
      items: { id: number }[];
    }>().items[0];
    const wrong = await t.call('POST', '/api/v1/users', admin, {
      username: 'kk',
      displayName: '错层级',
      role: 'cashier',
      regionId: county?.id,
      password: 'Abcdefgh1234',
    });
    expect(wrong.statusCode).toBe(400);
    const wrongLevel = await t.call('POST', '/api/v1/users', admin, {
      username: 'kkk',
      displayName: '错层级',
      role: 'cashier',
      regionId: county?.id,
      password: 'Abcdefgh1234',
    });
    expect(wrongLevel.json()).toMatchObject({ code: 'role_region_level_mismatch' });
    const created = await t.call('POST', '/api/v1/users', admin, {
      username: 'cko',
      displayName: '县干部',
      role: 'county_officer',
      regionId: county?.id,
      password: 'Abcdefgh1234',
    });
    expect(created.statusCode).toBe(201);
    const audit = (await t.call('GET', '/api/v1/audit?entityType=user', admin)).json<{
      items: { command: string; username: string }[];
    }>();
    expect(audit.items[0]).toMatchObject({ command: 'user.create', username: 'admin' });
    const noRights = await t.login('county');
    expect((await t.call('GET', '/api/v1/users', noRights)).json()).toMatchObject({
      code: 'forbidden',
    });
  });
});
