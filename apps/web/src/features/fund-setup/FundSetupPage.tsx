import { useState } from 'react';
import { Button, Card, Descriptions, Flex, Select, Skeleton, Table, Tag } from 'antd';
import { formatRate, rateBp } from '@huzhu/domain';
import type { Bylaws, FundProfile } from '../../api/types.js';
import { DateText } from '../../ui/DateText.js';
import { Money } from '../../ui/Money.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { BooksErrorAlert } from './BooksErrorAlert.js';
import { useBookAccess } from './books-access.js';
import { BooksFundGate } from './books-fund.js';
import { BylawsForm } from './BylawsForm.js';
import { dateOf, today } from './form-utils.js';
import { bylawsOn, useFundProfile } from './queries.js';
import { HouseholdCountForm, OfficerForm, RegistrationForm } from './SetupForms.js';

function BylawsView({ bylaws }: { bylaws: Bylaws }) {
  const d = bylaws.distribution;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      className="bylaws-view"
      styles={{ label: { whiteSpace: 'nowrap' } }}
      items={[
        { key: 'e', label: '生效日期', children: bylaws.effectiveOn },
        {
          key: 'r',
          label: '占用费率',
          children: formatRate(rateBp(bylaws.feeRateBpPerYear), bylaws.feeRateBasis),
        },
        {
          key: 'o',
          label: '逾期占用费',
          children: `正常费率的 ${String(bylaws.overdueMultiplierPercent)}%`,
        },
        { key: 'dc', label: '计息天数', children: `${String(bylaws.dayCountDaysPerYear)} 天/年` },
        {
          key: 'f',
          label: '首次借款限额',
          children: <Money fen={bylaws.firstLoanLimitFen} unit />,
        },
        {
          key: 'l',
          label: '再次借款限额',
          children: <Money fen={bylaws.laterLoanLimitFen} unit />,
        },
        { key: 't', label: '最长期限', children: `${String(bylaws.maxTermMonths)} 个月` },
        {
          key: 'm',
          label: '每户未还借款',
          children: `最多 ${String(bylaws.maxOutstandingLoansPerMember)} 笔`,
        },
        { key: 'x', label: '展期', children: `最多 ${String(bylaws.maxExtensions)} 次` },
        {
          key: 'g',
          label: '联保小组',
          children: `最多 ${String(bylaws.groupSize)} 户，同时借款不超过 ${String(bylaws.maxConcurrentBorrowersPerGroup)} 户`,
        },
        {
          key: 's',
          label: '入股',
          children: (
            <span>
              每股 <Money fen={bylaws.shareUnitFen} unit />，{bylaws.minShares}–{bylaws.maxShares}{' '}
              股；贫困户配股 {bylaws.poorAllotmentShares} 股
            </span>
          ),
        },
        { key: 'p', label: '公示期', children: `${String(bylaws.publicNoticeDays)} 天` },
        { key: 'en', label: '退社通知期', children: `${String(bylaws.exitNoticeDays)} 天` },
        { key: 'c', label: '库存现金限额', children: <Money fen={bylaws.cashLimitFen} unit /> },
        {
          key: 'd',
          label: '收益分配',
          children: `公积金 ${String(d.commonReservePercent)}%、公益金 ${String(d.welfareFundPercent)}%、风险准备金 ${String(d.riskReservePercent)}%`,
        },
        {
          key: 'pp',
          label: '生产性用途',
          span: 'filled',
          children: (
            <Flex gap={4} wrap>
              {bylaws.productivePurposes.map((p) => (
                <Tag key={p}>{p}</Tag>
              ))}
            </Flex>
          ),
        },
      ]}
    />
  );
}

function Setup({ fundId }: { fundId: number }) {
  const profile = useFundProfile(fundId);
  const can = useBookAccess();
  const canSetup = can('fund.setup');
  const [dialog, setDialog] = useState<'registration' | 'bylaws' | null>(null);
  const [version, setVersion] = useState<string | null>(null);
  if (profile.isPending) return <Skeleton active />;
  if (profile.isError) return <BooksErrorAlert error={profile.error} />;
  const p: FundProfile = profile.data;
  const current = bylawsOn(p, dateOf(today()));
  const shown = p.bylaws.find((b) => b.effectiveOn === version) ?? current;
  const close = () => {
    setDialog(null);
  };
  return (
    <div>
      <PageHeader title="本社设置" subtitle={`${p.name}（${p.code}）`} />
      <Card title="资金概况" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: 'c', label: '库存现金', children: <Money fen={p.balances.cashFen} unit /> },
            { key: 'b', label: '银行存款', children: <Money fen={p.balances.bankFen} unit /> },
            {
              key: 'l',
              label: '借款余额',
              children: <Money fen={p.balances.loansOutstandingFen} unit />,
            },
          ]}
        />
      </Card>
      <Card
        title="民政登记与银行专户"
        style={{ marginBottom: 16 }}
        extra={
          canSetup ? (
            <Button
              onClick={() => {
                setDialog('registration');
              }}
            >
              编辑
            </Button>
          ) : undefined
        }
      >
        <Descriptions
          size="small"
          column={2}
          items={[
            { key: 'n', label: '登记证号', children: p.registrationNo ?? '未登记' },
            { key: 'd', label: '登记日期', children: <DateText value={p.registeredOn} /> },
            { key: 'b', label: '开户银行', children: p.bankName ?? '—' },
            { key: 'a', label: '专户账号', children: p.bankAccountNo ?? '—' },
            { key: 'f', label: '成立日期', children: <DateText value={p.foundedOn} /> },
            { key: 'v', label: '行政村', children: p.villageName },
          ]}
        />
      </Card>
      <Card
        title="章程参数"
        style={{ marginBottom: 16 }}
        extra={
          <Flex gap={8}>
            <Select<string>
              style={{ width: 200 }}
              value={shown?.effectiveOn ?? null}
              options={p.bylaws.map((b) => ({
                value: b.effectiveOn,
                label: `${b.effectiveOn} 起${b === current ? '（现行）' : ''}`,
              }))}
              onChange={setVersion}
            />
            {canSetup && current !== undefined ? (
              <Button
                type="primary"
                onClick={() => {
                  setDialog('bylaws');
                }}
              >
                新增版本
              </Button>
            ) : null}
          </Flex>
        }
      >
        {shown === undefined ? '尚无章程参数' : <BylawsView bylaws={shown} />}
      </Card>
      <Flex gap={16} wrap align="start">
        <Card title="全村户数" style={{ flex: '1 1 460px' }}>
          <Table
            rowKey="asOf"
            size="small"
            pagination={false}
            dataSource={p.householdCounts}
            locale={{ emptyText: '尚未记录' }}
            columns={[
              { title: '截至', dataIndex: 'asOf' },
              { title: '总户数', dataIndex: 'totalHouseholds', align: 'right' },
              { title: '建档立卡贫困户', dataIndex: 'poorHouseholds', align: 'right' },
            ]}
            style={{ marginBottom: 16 }}
          />
          {canSetup ? <HouseholdCountForm fundId={fundId} /> : null}
        </Card>
        <Card title="理事会与监事会" style={{ flex: '1 1 560px' }}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={p.officers}
            locale={{ emptyText: '尚未登记' }}
            columns={[
              { title: '姓名', dataIndex: 'memberName' },
              {
                title: '机构',
                dataIndex: 'body',
                render: (v: 'board' | 'supervisory') => (v === 'board' ? '理事会' : '监事会'),
              },
              { title: '职务', dataIndex: 'title' },
              { title: '任职', dataIndex: 'fromOn' },
              { title: '离任', dataIndex: 'toOn', render: (v: string | null) => v ?? '—' },
            ]}
            style={{ marginBottom: 16 }}
          />
          {canSetup ? <OfficerForm fundId={fundId} /> : null}
        </Card>
      </Flex>
      <RegistrationForm
        fundId={fundId}
        profile={p}
        open={dialog === 'registration'}
        onClose={close}
      />
      {current === undefined ? null : (
        <BylawsForm fundId={fundId} current={current} open={dialog === 'bylaws'} onClose={close} />
      )}
    </div>
  );
}

/** 本社设置: registration and bank account, household counts, bylaws versions, officers. */
export function FundSetupPage() {
  return <BooksFundGate>{(fundId) => <Setup key={fundId} fundId={fundId} />}</BooksFundGate>;
}
