import { useState } from 'react';
import { Button, Card } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { PageHeader } from '../../ui/PageHeader.js';
import { useBookAccess } from '../fund-setup/books-access.js';
import { BooksFundGate } from '../fund-setup/books-fund.js';
import { useFund } from '../funds/queries.js';
import { MemberDrawer } from './MemberDrawer.js';
import { MembersTable } from './MembersTable.js';
import { RegisterMemberForm } from './RegisterMemberForm.js';

function Members({ fundId }: { fundId: number }) {
  const can = useBookAccess();
  const fund = useFund(fundId);
  const [registering, setRegistering] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  return (
    <div>
      <PageHeader
        title="会员"
        subtitle={fund.data?.name}
        extra={
          can('books.write') ? (
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              onClick={() => {
                setRegistering(true);
              }}
            >
              会员入社
            </Button>
          ) : undefined
        }
      />
      <Card>
        <MembersTable
          fundId={fundId}
          onOpen={(member) => {
            setOpenId(member.id);
          }}
        />
      </Card>
      <RegisterMemberForm
        fundId={fundId}
        open={registering}
        onClose={() => {
          setRegistering(false);
        }}
      />
      <MemberDrawer
        fundId={fundId}
        memberId={openId}
        onClose={() => {
          setOpenId(null);
        }}
      />
    </div>
  );
}

/** 会员: the roster of the current fund, 入社, and each member's details and actions. */
export function MembersPage() {
  return <BooksFundGate>{(fundId) => <Members key={fundId} fundId={fundId} />}</BooksFundGate>;
}
