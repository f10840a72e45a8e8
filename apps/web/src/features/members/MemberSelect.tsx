import { useState } from 'react';
import { Select } from 'antd';
import { useMembers } from './queries.js';

/**
 * Picks active members of the fund, searching the roster on the server by name, 编号 or
 * 身份证号. `exclude` hides members (e.g. the borrower); `filter` narrows further.
 */
export function MemberSelect({
  fundId,
  value,
  onChange,
  mode,
  placeholder = '输入姓名或身份证号搜索',
  exclude = [],
  onlyIds,
  id,
}: {
  fundId: number;
  value?: number | number[] | undefined;
  onChange?: (value: number | number[]) => void;
  mode?: 'multiple';
  placeholder?: string;
  exclude?: readonly number[];
  /** When given, only these members may be chosen. */
  onlyIds?: readonly number[] | undefined;
  id?: string;
}) {
  const [q, setQ] = useState('');
  const members = useMembers(fundId, { q, status: 'active', page: 1, pageSize: 50 });
  const options = (members.data?.items ?? [])
    .filter((m) => !exclude.includes(m.id) && (onlyIds === undefined || onlyIds.includes(m.id)))
    .map((m) => ({
      value: m.id,
      label: `${String(m.memberNo)} ${m.headName}${m.groupName === null ? '' : `（${m.groupName}）`}`,
    }));
  return (
    <Select<number | number[]>
      {...(id === undefined ? {} : { id })}
      showSearch={{
        filterOption: false,
        onSearch: (text) => {
          setQ(text.trim());
        },
      }}
      allowClear
      loading={members.isFetching}
      placeholder={placeholder}
      options={options}
      value={value ?? null}
      onChange={(next) => {
        onChange?.(next);
      }}
      {...(mode === undefined ? {} : { mode })}
      notFoundContent={members.isFetching ? '加载中…' : '没有符合条件的在册会员'}
    />
  );
}
