import { useState } from 'react';
import { Button, Card, Tooltip } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PageHeader } from '../../ui/PageHeader.js';
import { levelName } from '../../text/zh.js';
import { canCreateFunds } from '../auth/permissions.js';
import { useCurrentUser } from '../auth/session.js';
import { useCurrentRegion } from '../layout/current-region.js';
import { CreateFundForm } from './CreateFundForm.js';
import { FundsTable } from './FundsTable.js';

/** 互助社: the funds under the current region, and founding one for a selected village. */
export function FundsPage() {
  const user = useCurrentUser();
  const { region } = useCurrentRegion();
  const [creating, setCreating] = useState(false);
  const canCreate = canCreateFunds(user.role);
  const villageWithoutFund = region.level === 'village' && region.fundId === null;
  return (
    <div>
      <PageHeader
        title="互助社"
        subtitle={`当前区划：${region.name}（${levelName(region.level)}）`}
        extra={
          canCreate ? (
            <Tooltip
              title={villageWithoutFund ? undefined : '请先在左侧区划树中选择尚无互助社的村'}
            >
              <Button
                type="primary"
                icon={<PlusOutlined />}
                disabled={!villageWithoutFund}
                onClick={() => {
                  setCreating(true);
                }}
              >
                组建互助社
              </Button>
            </Tooltip>
          ) : undefined
        }
      />
      <Card>
        <FundsTable regionId={region.id} />
      </Card>
      {villageWithoutFund ? (
        <CreateFundForm
          village={region}
          open={creating}
          onClose={() => {
            setCreating(false);
          }}
        />
      ) : null}
    </div>
  );
}
