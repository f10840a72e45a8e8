import { useState } from 'react';
import { Button, Card, Tabs } from 'antd';
import { FileAddOutlined, TransactionOutlined } from '@ant-design/icons';
import { PageHeader } from '../../ui/PageHeader.js';
import { useBookAccess } from '../fund-setup/books-access.js';
import { BooksFundGate } from '../fund-setup/books-fund.js';
import { useFund } from '../funds/queries.js';
import { CashEventForm } from './CashEventForm.js';
import { ManualVoucherForm } from './ManualVoucherForm.js';
import { PeriodsCard, YearEndCard } from './PeriodsCard.js';
import { VoucherList } from './VoucherList.js';

function Ledger({ fundId }: { fundId: number }) {
  const can = useBookAccess();
  const fund = useFund(fundId);
  const [dialog, setDialog] = useState<'cash' | 'manual' | null>(null);
  const close = () => {
    setDialog(null);
  };
  return (
    <div>
      <PageHeader
        title="凭证与账务"
        subtitle={fund.data?.name}
        extra={
          can('books.write') ? (
            <>
              <Button
                type="primary"
                icon={<TransactionOutlined />}
                onClick={() => {
                  setDialog('cash');
                }}
              >
                资金收支
              </Button>
              <Button
                icon={<FileAddOutlined />}
                onClick={() => {
                  setDialog('manual');
                }}
              >
                手工凭证
              </Button>
            </>
          ) : undefined
        }
      />
      <Card>
        <Tabs
          items={[
            {
              key: 'vouchers',
              label: '记账凭证',
              children: <VoucherList fundId={fundId} canWrite={can('books.write')} />,
            },
            {
              key: 'periods',
              label: '会计期间',
              children: <PeriodsCard fundId={fundId} canClose={can('books.close')} />,
            },
            {
              key: 'year-end',
              label: '年终结转',
              children: <YearEndCard fundId={fundId} canClose={can('books.close')} />,
            },
          ]}
        />
      </Card>
      <CashEventForm fundId={fundId} open={dialog === 'cash'} onClose={close} />
      <ManualVoucherForm fundId={fundId} open={dialog === 'manual'} onClose={close} />
    </div>
  );
}

/** 凭证: vouchers by month, 资金收支, 手工凭证, 冲销, month close and year-end. */
export function LedgerPage() {
  return <BooksFundGate>{(fundId) => <Ledger key={fundId} fundId={fundId} />}</BooksFundGate>;
}
