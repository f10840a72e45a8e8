import { Descriptions, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { ExitFinalCheck } from '../../api/types.js';
import { DateText } from '../../ui/DateText.js';
import { Money } from '../../ui/Money.js';

function Check({ ok, text }: { ok: boolean; text: string }) {
  return ok ? (
    <Typography.Text type="success">
      <CheckCircleFilled /> {text}
    </Typography.Text>
  ) : (
    <Typography.Text type="danger">
      <CloseCircleFilled /> {text}
    </Typography.Text>
  );
}

/**
 * 清算核对: members refunded their own 互助金, the rest handed over (上缴合计 = 财政 + 捐赠 + 积累 +
 * 未结转结余), every account at zero and the vouchers balanced — nothing lost.
 */
export function FinalCheck({ check }: { check: ExitFinalCheck }) {
  const parts = check.fiscalFen + check.donationFen + check.reservesFen + check.unclosedSurplusFen;
  const adds = parts === check.handedOverFen;
  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      className="exit-final-check"
      items={[
        { key: 'on', label: '清算日期', children: <DateText value={check.closedOn} /> },
        {
          key: 'refunds',
          label: '退还会员互助金',
          children: (
            <span>
              {check.membersRefunded} 户，
              <Money fen={check.memberRefundsFen} unit />
            </span>
          ),
        },
        { key: 'fiscal', label: '财政扶贫资金', children: <Money fen={check.fiscalFen} unit /> },
        { key: 'donation', label: '捐赠资金', children: <Money fen={check.donationFen} unit /> },
        {
          key: 'reserves',
          label: '积累（公积金等）',
          children: <Money fen={check.reservesFen} unit />,
        },
        {
          key: 'surplus',
          label: '未结转结余',
          children: <Money fen={check.unclosedSurplusFen} unit />,
        },
        {
          key: 'handed',
          label: '上缴合计',
          span: 2,
          children: (
            <span>
              <Typography.Text strong>
                <Money fen={check.handedOverFen} unit />
              </Typography.Text>{' '}
              <Check
                ok={adds}
                text={
                  adds ? '= 财政 + 捐赠 + 积累 + 未结转结余' : '≠ 财政 + 捐赠 + 积累 + 未结转结余'
                }
              />
            </span>
          ),
        },
        {
          key: 'accounts',
          label: '科目余额',
          children:
            check.nonZeroAccounts.length === 0 ? (
              <Check ok text="全部为零" />
            ) : (
              <span>
                <Check ok={false} text="仍有余额：" />
                {check.nonZeroAccounts.map((a) => (
                  <Tag key={a} color="red">
                    {a}
                  </Tag>
                ))}
              </span>
            ),
        },
        {
          key: 'vouchers',
          label: '凭证',
          children: (
            <Check
              ok={check.vouchersBalanced}
              text={check.vouchersBalanced ? '借贷平衡' : '借贷不平衡'}
            />
          ),
        },
      ]}
    />
  );
}
