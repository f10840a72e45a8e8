import { useState } from 'react';
import { Button, Descriptions, Divider, Drawer, Flex, Skeleton } from 'antd';
import { BooksErrorAlert } from '../fund-setup/BooksErrorAlert.js';
import { useBookAccess } from '../fund-setup/books-access.js';
import { DateText } from '../../ui/DateText.js';
import { Money } from '../../ui/Money.js';
import { ReportTable } from '../reports/ReportTable.js';
import { useReport } from '../reports/queries.js';
import { dateOf, today } from '../fund-setup/form-utils.js';
import { CategoryForm, ContributeForm, ExitForm } from './MemberActions.js';
import { CategoryTags, DuplicateTag } from './member-text.js';
import { useMember } from './queries.js';

type Action = 'contribute' | 'category' | 'exit' | null;

function MemberStatement({
  fundId,
  memberId,
  from,
}: {
  fundId: number;
  memberId: number;
  from: string;
}) {
  const report = useReport(fundId, 'member-statement', {
    memberId,
    from,
    through: dateOf(today()),
  });
  if (report.isPending) return <Skeleton active />;
  if (report.isError) return <BooksErrorAlert error={report.error} />;
  return <ReportTable model={report.data} pageSize={20} />;
}

/** A member's record, the actions on it and their statement (对账单). */
export function MemberDrawer({
  fundId,
  memberId,
  onClose,
}: {
  fundId: number;
  memberId: number | null;
  onClose: () => void;
}) {
  const member = useMember(fundId, memberId);
  const can = useBookAccess();
  const [action, setAction] = useState<Action>(null);
  const m = member.data;
  const active = m !== undefined && m.exitedOn === null;
  const close = () => {
    setAction(null);
  };
  return (
    <Drawer
      title={m === undefined ? '会员' : `会员 ${String(m.memberNo)}：${m.headName}`}
      open={memberId !== null}
      onClose={onClose}
      size={960}
      rootClassName="member-drawer"
      destroyOnHidden
      extra={
        active && can('books.write') ? (
          <Flex gap={8}>
            <Button
              onClick={() => {
                setAction('contribute');
              }}
            >
              追加互助金
            </Button>
            <Button
              onClick={() => {
                setAction('category');
              }}
            >
              变更类别
            </Button>
            <Button
              danger
              onClick={() => {
                setAction('exit');
              }}
            >
              退社
            </Button>
          </Flex>
        ) : undefined
      }
    >
      {member.isPending ? (
        <Skeleton active />
      ) : member.isError ? (
        <BooksErrorAlert error={member.error} />
      ) : (
        <>
          <DuplicateTag member={member.data} />
          <Descriptions
            column={2}
            bordered
            size="small"
            items={[
              { key: 'name', label: '户主', children: member.data.headName },
              { key: 'no', label: '会员编号', children: member.data.memberNo },
              { key: 'id', label: '身份证号', children: member.data.idCardNo },
              { key: 'phone', label: '电话', children: member.data.phone ?? '—' },
              { key: 'group', label: '村民小组', children: member.data.villagerGroup ?? '—' },
              { key: 'size', label: '家庭人口', children: member.data.householdSize },
              { key: 'cat', label: '类别', children: <CategoryTags member={member.data} /> },
              { key: 'jg', label: '联保小组', children: member.data.groupName ?? '—' },
              {
                key: 'join',
                label: '入社日期',
                children: <DateText value={member.data.joinedOn} />,
              },
              {
                key: 'exit',
                label: '退社日期',
                children: <DateText value={member.data.exitedOn} />,
              },
              {
                key: 'own',
                label: '本人互助金',
                children: <Money fen={member.data.ownContributionFen} unit />,
              },
              {
                key: 'allot',
                label: '配股',
                children: <Money fen={member.data.allottedFen} unit />,
              },
            ]}
          />
          <Divider />
          <MemberStatement fundId={fundId} memberId={member.data.id} from={member.data.joinedOn} />
          <ContributeForm
            fundId={fundId}
            member={member.data}
            open={action === 'contribute'}
            onClose={close}
          />
          <CategoryForm
            fundId={fundId}
            member={member.data}
            open={action === 'category'}
            onClose={close}
          />
          <ExitForm fundId={fundId} member={member.data} open={action === 'exit'} onClose={close} />
        </>
      )}
    </Drawer>
  );
}
