import { useState } from 'react';
import { Card, Select } from 'antd';
import { AUDIT_COMMAND_NAMES } from '../../text/zh.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { AuditTable } from './AuditTable.js';

const COMMAND_OPTIONS = Object.entries(AUDIT_COMMAND_NAMES).map(([value, label]) => ({
  value,
  label,
}));

/** 操作日志: every recorded change in the user's scope. */
export function AuditPage() {
  const [command, setCommand] = useState<string | undefined>(undefined);
  return (
    <div>
      <PageHeader
        title="操作日志"
        subtitle="本人管辖范围内的全部变更记录，按时间倒序"
        extra={
          <Select
            allowClear
            placeholder="按操作筛选"
            style={{ width: 180 }}
            options={COMMAND_OPTIONS}
            value={command}
            onChange={(value: string | undefined) => {
              setCommand(value);
            }}
          />
        }
      />
      <Card>
        <AuditTable key={command ?? 'all'} filter={command === undefined ? {} : { command }} />
      </Card>
    </div>
  );
}
