import { idCardCheckCharacter } from '@huzhu/domain';
import type { Prng } from './prng.js';

/** Common surnames of the Chongqing countryside, most frequent first (illustrative). */
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '何',
  '罗',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '邓',
  '冯',
  '韩',
  '曹',
  '彭',
  '曾',
  '肖',
  '田',
  '董',
  '潘',
  '袁',
  '蒋',
  '蔡',
  '余',
  '杜',
  '叶',
  '程',
  '魏',
  '苏',
  '吕',
  '丁',
  '任',
  '卢',
  '姚',
  '沈',
  '谭',
  '廖',
  '向',
  '冉',
  '秦',
  '贺',
  '牟',
  '熊',
];
const GIVEN = [
  '大山',
  '二妹',
  '国华',
  '建国',
  '德明',
  '秀英',
  '桂芳',
  '玉兰',
  '志强',
  '永福',
  '长江',
  '春花',
  '清明',
  '光荣',
  '正中',
  '海燕',
  '红梅',
  '明亮',
  '家富',
  '树林',
  '云华',
  '小平',
  '文才',
  '世军',
  '兴旺',
  '远洪',
  '宗友',
  '中华',
  '开明',
  '成林',
  '贵生',
  '学文',
  '素珍',
  '庆丰',
  '德贵',
  '少华',
  '仁和',
  '万福',
  '运昌',
  '金兰',
  '光明',
  '淑芬',
  '代兵',
  '安平',
  '泽民',
  '洪波',
  '朝阳',
  '绍全',
];
const TOWN_PARTS = [
  '河',
  '坪',
  '坝',
  '溪',
  '岩',
  '山',
  '湾',
  '桥',
  '垭',
  '沟',
  '塘',
  '岭',
  '峰',
  '滩',
  '场',
  '寨',
];
const TOWN_PREFIX = [
  '龙',
  '石',
  '白',
  '青',
  '黄',
  '新',
  '高',
  '双',
  '太',
  '长',
  '大',
  '红',
  '金',
  '马',
  '鹿',
  '安',
  '永',
  '兴',
  '复',
  '平',
  '云',
  '桃',
  '柏',
  '竹',
];
const VILLAGE_PREFIX = [
  '和平',
  '光明',
  '团结',
  '建设',
  '胜利',
  '红星',
  '新民',
  '向阳',
  '共和',
  '幸福',
  '先锋',
  '联合',
  '友谊',
  '丰收',
  '东风',
  '永安',
  '长春',
  '兴隆',
  '清泉',
  '桂花',
  '金竹',
  '柏林',
  '宝山',
  '龙泉',
  '石桥',
  '大坪',
  '水井',
  '茶园',
  '花园',
  '松林',
  '杉树',
  '凤凰',
  '白岩',
  '黄桷',
  '梨园',
  '枫香',
];

/** A household head's name. */
export function personName(prng: Prng): string {
  return `${prng.pick(SURNAMES)}${prng.pick(GIVEN)}`;
}

/** A township's name, made unique within its county by the caller's index. */
export function townshipName(prng: Prng, index: number): string {
  const base = `${prng.pick(TOWN_PREFIX)}${prng.pick(TOWN_PARTS)}`;
  return `${base}${index % 3 === 0 ? '乡' : '镇'}`;
}

export function villageName(prng: Prng, index: number): string {
  const base = prng.pick(VILLAGE_PREFIX);
  return index < VILLAGE_PREFIX.length ? `${base}村` : `${base}${String(index)}村`;
}

/**
 * A valid 18-digit 身份证号: the county's 6-digit code, a birth date between 1950 and 1995, a
 * 3-digit sequence (unique within a fund: the member's index) and the check character.
 */
export function idCardNumber(prng: Prng, county6: string, sequence: number): string {
  const year = prng.int(1950, 1995);
  const month = prng.int(1, 12);
  const day = prng.int(1, 28);
  const first17 = `${county6}${String(year)}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(sequence % 1000).padStart(3, '0')}`;
  return `${first17}${idCardCheckCharacter(first17)}`;
}

/** A mobile number (about two in three households give one). */
export function phoneNumber(prng: Prng): string | undefined {
  if (!prng.chance(0.65)) return undefined;
  return `1${String(prng.pick([3, 5, 7, 8, 9]))}${String(prng.int(0, 999_999_999)).padStart(9, '0')}`;
}

/** Productive purposes with the detail a bookkeeper writes, by season of demand. */
export const PURPOSES: readonly (readonly [string, readonly string[]])[] = [
  ['种植', ['春耕购买化肥种子', '种植榨菜', '种植中药材', '柑橘果园管护', '种植脆李', '烤烟种植']],
  ['养殖', ['生猪养殖', '山羊养殖', '土鸡养殖', '肉牛养殖', '中蜂养殖', '稻田养鱼']],
  ['加工', ['红薯粉条加工', '腊肉加工', '茶叶初加工', '豆制品作坊']],
  ['乡村旅游', ['农家乐改造', '民宿客房添置']],
  ['商贸流通', ['农村小卖部进货', '农产品收购贩运']],
  ['其他生产', ['购置微耕机', '修缮烤房']],
];
