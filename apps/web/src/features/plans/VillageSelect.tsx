import { useState, type CSSProperties } from 'react';
import { Select } from 'antd';
import { useVillageSearch } from './queries.js';

/**
 * A village by its 12-digit code, searched by name among the villages of the user's scope and,
 * when `countyCode` is given, of that county. `knownName` labels a value chosen earlier.
 */
export function VillageSelect({
  value,
  onChange,
  countyCode,
  knownName,
  disabled,
  placeholder = '（区县级，不指定村）',
  valueKind = 'code',
  className,
  style,
  id,
}: {
  value?: string | number | null | undefined;
  onChange?: (value: string | number | null) => void;
  countyCode?: string | undefined;
  knownName?: string | null | undefined;
  disabled?: boolean;
  placeholder?: string;
  /** What the value is: the village's 12-digit code, or its region id. */
  valueKind?: 'code' | 'id';
  className?: string;
  style?: CSSProperties;
  id?: string;
}) {
  const [q, setQ] = useState('');
  const search = useVillageSearch(q);
  const prefix = countyCode?.slice(0, 6);
  const found = (search.data?.items ?? []).filter(
    (v) => prefix === undefined || v.code.startsWith(prefix),
  );
  const options = found.map((v) => ({
    value: valueKind === 'code' ? v.code : v.id,
    label: `${v.name}（${v.code}）${v.fundId === null ? '·无互助社' : ''}`,
  }));
  if (
    value !== undefined &&
    value !== null &&
    !options.some((o) => o.value === value) &&
    knownName != null
  )
    options.unshift({ value, label: knownName });
  return (
    <Select<string | number | null>
      {...(id === undefined ? {} : { id })}
      showSearch={{
        filterOption: false,
        onSearch: setQ,
      }}
      allowClear
      value={value ?? null}
      onChange={(next) => {
        onChange?.(next ?? null);
      }}
      options={options}
      placeholder={placeholder}
      disabled={disabled ?? false}
      loading={search.isFetching}
      className={className ?? ''}
      style={{ minWidth: 180, ...style }}
      notFoundContent={search.isFetching ? '查找中…' : '输入村名查找'}
    />
  );
}
