import type { Kysely } from 'kysely';
import type { Role } from '@huzhu/contract';
import type { Database } from '../db/schema.js';
import { findRegionByCode, insertRegion, type RegionRow } from '../db/repositories/regions.js';
import { seedChongqing } from '../db/seed/seed-regions.js';
import { createUser } from '../app/users.js';
import { createFund } from '../app/funds.js';

/** The demo password, printed at start. Only the demo has a built-in password. */
export const DEMO_PASSWORD = 'huzhu2026demo';

/**
 * Demo townships and villages (their codes follow the statistical pattern under real counties;
 * names are illustrative, not an official list).
 */
const DEMO_TREE: {
  county: string;
  townships: { code: string; name: string; villages: [string, string][] }[];
}[] = [
  {
    county: '500229000000',
    townships: [
      {
        code: '500229101000',
        name: '修齐镇',
        villages: [
          ['500229101201', '东河村'],
          ['500229101202', '岭南村'],
        ],
      },
      {
        code: '500229102000',
        name: '高观镇',
        villages: [
          ['500229102201', '太和村'],
          ['500229102202', '新华村'],
        ],
      },
    ],
  },
  {
    county: '500238000000',
    townships: [
      {
        code: '500238103000',
        name: '尖山镇',
        villages: [
          ['500238103201', '宝坪村'],
          ['500238103202', '双河村'],
        ],
      },
    ],
  },
];

/** The demo villages' codes (their funds get books in `seedDemoBooks`). */
export const DEMO_VILLAGE_CODES: readonly string[] = DEMO_TREE.flatMap((county) =>
  county.townships.flatMap((township) => township.villages.map(([code]) => code)),
);

export interface DemoLogin {
  username: string;
  role: Role;
  scope: string;
}

/** Creates the demo organisation (regions, funds, users) on an empty database. */
export async function seedDemoOrganisation(db: Kysely<Database>): Promise<DemoLogin[]> {
  const cityId = await seedChongqing(db);
  const villages: RegionRow[] = [];
  const townships: RegionRow[] = [];
  for (const county of DEMO_TREE) {
    const countyRow = await findRegionByCode(db, county.county);
    if (countyRow === undefined) throw new Error(`county ${county.county} missing from the seed`);
    for (const township of county.townships) {
      const t =
        (await findRegionByCode(db, township.code)) ??
        (await insertRegion(
          db,
          { code: township.code, name: township.name, level: 'township' },
          countyRow,
        ));
      townships.push(t);
      for (const [code, name] of township.villages) {
        const v =
          (await findRegionByCode(db, code)) ??
          (await insertRegion(db, { code, name, level: 'village' }, t));
        villages.push(v);
        await createFund(db, null, {
          villageId: v.id,
          code: `F${code.slice(-9)}`,
          name: `${name}扶贫互助社`,
          foundedOn: '2019-04-01',
        });
      }
    }
  }
  const [firstVillage] = villages;
  const [firstTownship] = townships;
  const county = await findRegionByCode(db, '500229000000');
  if (firstVillage === undefined || firstTownship === undefined || county === undefined)
    throw new Error('demo tree incomplete');
  const logins: {
    username: string;
    displayName: string;
    role: Role;
    region: RegionRow | { id: number; name: string };
  }[] = [
    {
      username: 'admin',
      displayName: '系统管理员',
      role: 'admin',
      region: { id: cityId, name: '重庆市' },
    },
    {
      username: 'city',
      displayName: '市扶贫办 王主任',
      role: 'city_officer',
      region: { id: cityId, name: '重庆市' },
    },
    {
      username: 'county',
      displayName: '城口县扶贫办 李科长',
      role: 'county_officer',
      region: county,
    },
    {
      username: 'township',
      displayName: '修齐镇财政所 张会计',
      role: 'township_officer',
      region: firstTownship,
    },
    {
      username: 'bookkeeper',
      displayName: '东河村 刘会计',
      role: 'bookkeeper',
      region: firstVillage,
    },
    { username: 'cashier', displayName: '东河村 陈出纳', role: 'cashier', region: firstVillage },
    {
      username: 'board',
      displayName: '东河村 理事长 赵大山',
      role: 'board_member',
      region: firstVillage,
    },
    {
      username: 'supervisor',
      displayName: '东河村 监事长 孙秀英',
      role: 'supervisor',
      region: firstVillage,
    },
    {
      username: 'auditor',
      displayName: '市审计 周审计',
      role: 'auditor',
      region: { id: cityId, name: '重庆市' },
    },
  ];
  for (const login of logins) {
    await createUser(db, null, {
      username: login.username,
      displayName: login.displayName,
      role: login.role,
      regionId: login.region.id,
      password: DEMO_PASSWORD,
    });
  }
  return logins.map((l) => ({ username: l.username, role: l.role, scope: l.region.name }));
}

/** True when the database has no users yet (a new installation). */
export async function databaseIsEmpty(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst()) === undefined;
}
