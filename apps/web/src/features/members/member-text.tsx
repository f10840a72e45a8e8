import { Space, Tag } from 'antd';
import type { Member } from '../../api/types.js';

/** 身份证号 in lists: the first 6 and last 4 characters only. */
export function maskIdCard(idCardNo: string): string {
  if (idCardNo.length < 10) return idCardNo;
  return `${idCardNo.slice(0, 6)}****${idCardNo.slice(-4)}`;
}

export const CATEGORY_SHORT: Readonly<Record<Member['category'], string>> = {
  poor: '贫困户',
  ordinary: '一般农户',
};

/** 贫困户/一般农户 and the 低保/五保 flags as tags. */
export function CategoryTags({ member }: { member: Pick<Member, 'category' | 'dibao' | 'wubao'> }) {
  return (
    <Space size={4} wrap>
      <Tag color={member.category === 'poor' ? 'orange' : 'default'}>
        {CATEGORY_SHORT[member.category]}
      </Tag>
      {member.dibao ? <Tag color="blue">低保</Tag> : null}
      {member.wubao ? <Tag color="purple">五保</Tag> : null}
    </Space>
  );
}

/** The red tag of a household that is an active member of another fund too. */
export function DuplicateTag({ member }: { member: Pick<Member, 'duplicateIn'> }) {
  if (member.duplicateIn.length === 0) return null;
  return (
    <Tag color="red" title={member.duplicateIn.map((d) => d.fundName).join('、')}>
      重复入社：{member.duplicateIn.map((d) => d.fundName).join('、')}
    </Tag>
  );
}
