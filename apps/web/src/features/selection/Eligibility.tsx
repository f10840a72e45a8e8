import { List, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { CandidateView } from '../../api/types.js';
import { Money } from '../../ui/Money.js';

type Eligibility = NonNullable<CandidateView['eligibility']>;
type Criterion = Eligibility['criteria'][number];

function Figure({ criterion }: { criterion: Criterion }) {
  if (criterion.figure === null) return null;
  if (criterion.unit === 'fen' && typeof criterion.figure === 'number')
    return <Money fen={criterion.figure} unit />;
  return <span>{String(criterion.figure)}</span>;
}

/** The server's reward-and-expand check: each condition met or failed, its figure and why. */
export function EligibilityList({ eligibility }: { eligibility: Eligibility }) {
  return (
    <div className="eligibility">
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        参照日 {eligibility.referenceDate}：
        {eligibility.eligible ? (
          <Tag color="green">符合奖励扩大规模条件</Tag>
        ) : (
          <Tag color="red">不符合条件</Tag>
        )}
        奖励 <Money fen={eligibility.rewardFen} unit />
        ，累计上限 <Money fen={eligibility.capFen} unit />
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={eligibility.criteria}
        renderItem={(c) => (
          <List.Item className={c.met ? 'criterion-met' : 'criterion-failed'}>
            <span style={{ width: 260, display: 'inline-block' }}>
              {c.met ? (
                <CheckCircleFilled style={{ color: '#52c41a' }} />
              ) : (
                <CloseCircleFilled style={{ color: '#ff4d4f' }} />
              )}{' '}
              {c.name}
            </span>
            <span style={{ width: 160, display: 'inline-block' }}>
              <Figure criterion={c} />
            </span>
            <Typography.Text type={c.met ? 'secondary' : 'danger'} style={{ flex: 1 }}>
              {c.message}
            </Typography.Text>
          </List.Item>
        )}
      />
    </div>
  );
}
