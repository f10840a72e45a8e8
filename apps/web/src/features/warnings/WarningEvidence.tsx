import { Button, Space, Tag, Typography } from 'antd';
import type { WarningView } from '../../api/types.js';
import { Money } from '../../ui/Money.js';
import { EVIDENCE_AMOUNT_NAMES } from './warning-text.js';

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function amountsOf(value: unknown): [string, number][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value).filter(
    (entry): entry is [string, number] => typeof entry[1] === 'number',
  );
}

function Amount({ name, value }: { name: string; value: number }) {
  if (name.endsWith('Fen')) return <Money fen={value} unit />;
  if (name.endsWith('Days')) return <span>{value} 天</span>;
  return <span>{value}</span>;
}

/** What a warning points at: loans (links into the fund's books), members, and the figures. */
export function WarningEvidence({
  warning,
  onOpenLoan,
}: {
  warning: WarningView;
  onOpenLoan: (loanId: string) => void;
}) {
  const loans = stringList(warning.evidence.loans);
  const members = stringList(warning.evidence.members);
  const amounts = amountsOf(warning.evidence.amounts);
  return (
    <Space orientation="vertical" size={2} className="warning-evidence">
      {loans.length === 0 ? null : (
        <span>
          <Typography.Text type="secondary">借款：</Typography.Text>
          {loans.map((loanId) => (
            <Button
              key={loanId}
              type="link"
              size="small"
              style={{ padding: '0 4px' }}
              onClick={() => {
                onOpenLoan(loanId);
              }}
            >
              #{loanId}
            </Button>
          ))}
        </span>
      )}
      {members.length === 0 ? null : (
        <span>
          <Typography.Text type="secondary">会员：</Typography.Text>
          {members.map((memberId) => (
            <Tag key={memberId}>#{memberId}</Tag>
          ))}
        </span>
      )}
      {amounts.map(([name, value]) => (
        <span key={name}>
          <Typography.Text type="secondary">
            {EVIDENCE_AMOUNT_NAMES[name] ?? name}：
          </Typography.Text>
          <Amount name={name} value={value} />
        </span>
      ))}
    </Space>
  );
}
