import { App, DatePicker, Divider, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { fen, formatYuan, rateFromAnnualPercent, rateFromMonthlyPermille } from '@huzhu/domain';
import type { Dayjs } from 'dayjs';
import type { Bylaws } from '../../api/types.js';
import { BooksErrorAlert } from './BooksErrorAlert.js';
import { dateOf, today, YUAN_RULES, yuanToFen } from './form-utils.js';
import { useAddBylaws } from './queries.js';

interface BylawsValues {
  effectiveOn: Dayjs;
  feeRateBasis: Bylaws['feeRateBasis'];
  feeRate: number;
  overdueMultiplierPercent: number;
  dayCountDaysPerYear: 360 | 365;
  firstLoanLimitYuan: string;
  laterLoanLimitYuan: string;
  maxTermMonths: number;
  maxOutstandingLoansPerMember: number;
  maxExtensions: number;
  groupSize: number;
  maxConcurrentBorrowersPerGroup: number;
  shareUnitYuan: string;
  minShares: number;
  maxShares: number;
  poorAllotmentShares: number;
  exitNoticeDays: number;
  publicNoticeDays: number;
  cashLimitYuan: string;
  commonReservePercent: number;
  welfareFundPercent: number;
  riskReservePercent: number;
  productivePurposes: string[];
}

function yuan(amount: number): string {
  return formatYuan(fen(amount)).replaceAll(',', '');
}

/** The quoted rate (月息‰ or 年%) → annual bp; null when it has too many decimals. */
function rateBpOf(basis: Bylaws['feeRateBasis'], quoted: number): number | null {
  try {
    return basis === 'monthly_permille'
      ? rateFromMonthlyPermille(quoted)
      : rateFromAnnualPercent(quoted);
  } catch {
    return null;
  }
}

function initialValues(current: Bylaws): BylawsValues {
  return {
    ...current,
    effectiveOn: today(),
    feeRate:
      current.feeRateBasis === 'monthly_permille'
        ? current.feeRateBpPerYear / 120
        : current.feeRateBpPerYear / 100,
    firstLoanLimitYuan: yuan(current.firstLoanLimitFen),
    laterLoanLimitYuan: yuan(current.laterLoanLimitFen),
    shareUnitYuan: yuan(current.shareUnitFen),
    cashLimitYuan: yuan(current.cashLimitFen),
    ...current.distribution,
    productivePurposes: [...current.productivePurposes],
  };
}

const INT = { precision: 0, style: { width: '100%' } } as const;

/** A new bylaws version, in effect from a date; starts from the current one. */
export function BylawsForm({
  fundId,
  current,
  open,
  onClose,
}: {
  fundId: number;
  current: Bylaws;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<BylawsValues>();
  const add = useAddBylaws(fundId);
  const { message } = App.useApp();
  const basis = Form.useWatch('feeRateBasis', form) as Bylaws['feeRateBasis'] | undefined;
  const submit = (v: BylawsValues) => {
    const feeRateBpPerYear = rateBpOf(v.feeRateBasis, v.feeRate);
    if (feeRateBpPerYear === null) return;
    const body: Bylaws = {
      effectiveOn: dateOf(v.effectiveOn),
      feeRateBpPerYear,
      feeRateBasis: v.feeRateBasis,
      overdueMultiplierPercent: v.overdueMultiplierPercent,
      dayCountDaysPerYear: v.dayCountDaysPerYear,
      firstLoanLimitFen: yuanToFen(v.firstLoanLimitYuan) ?? 0,
      laterLoanLimitFen: yuanToFen(v.laterLoanLimitYuan) ?? 0,
      maxTermMonths: v.maxTermMonths,
      maxOutstandingLoansPerMember: v.maxOutstandingLoansPerMember,
      maxExtensions: v.maxExtensions,
      groupSize: v.groupSize,
      maxConcurrentBorrowersPerGroup: v.maxConcurrentBorrowersPerGroup,
      shareUnitFen: yuanToFen(v.shareUnitYuan) ?? 0,
      minShares: v.minShares,
      maxShares: v.maxShares,
      poorAllotmentShares: v.poorAllotmentShares,
      exitNoticeDays: v.exitNoticeDays,
      publicNoticeDays: v.publicNoticeDays,
      cashLimitFen: yuanToFen(v.cashLimitYuan) ?? 0,
      distribution: {
        commonReservePercent: v.commonReservePercent,
        welfareFundPercent: v.welfareFundPercent,
        riskReservePercent: v.riskReservePercent,
      },
      productivePurposes: v.productivePurposes.map((p) => p.trim()).filter((p) => p !== ''),
    };
    add.mutate(body, {
      onSuccess: () => {
        void message.success(`章程参数已保存，自 ${body.effectiveOn} 起生效`);
        onClose();
      },
    });
  };
  const ratioRule = {
    validator: async () => {
      const sum =
        Number(form.getFieldValue('commonReservePercent') ?? 0) +
        Number(form.getFieldValue('welfareFundPercent') ?? 0) +
        Number(form.getFieldValue('riskReservePercent') ?? 0);
      if (sum !== 100) throw new Error(`三项比例之和须为 100%（现为 ${String(sum)}%）`);
    },
  };
  const grid = { display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', columnGap: 16 } as const;
  return (
    <Modal
      title="新增章程参数版本"
      open={open}
      width={820}
      okText="保存"
      confirmLoading={add.isPending}
      onOk={() => {
        form.submit();
      }}
      onCancel={() => {
        add.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <BooksErrorAlert error={add.error} />
      <Form<BylawsValues>
        form={form}
        layout="vertical"
        initialValues={initialValues(current)}
        onFinish={submit}
      >
        <div style={grid}>
          <Form.Item label="生效日期" name="effectiveOn" rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="占用费率表示方式" name="feeRateBasis">
            <Radio.Group
              options={[
                { value: 'monthly_permille', label: '月息‰' },
                { value: 'annual_percent', label: '年%' },
              ]}
            />
          </Form.Item>
          <Form.Item
            label={basis === 'annual_percent' ? '占用费率（年%）' : '占用费率（月息‰）'}
            name="feeRate"
            rules={[
              { required: true, message: '请输入费率' },
              {
                validator: async (_r, value: number | null | undefined) => {
                  if (value == null) return;
                  if (rateBpOf(basis ?? 'monthly_permille', value) === null)
                    throw new Error(basis === 'annual_percent' ? '最多两位小数' : '最多一位小数');
                },
              },
            ]}
          >
            <InputNumber
              min={0}
              max={basis === 'annual_percent' ? 100 : 83}
              step={basis === 'annual_percent' ? 0.01 : 0.1}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item
            label="逾期占用费倍数（%）"
            name="overdueMultiplierPercent"
            rules={[{ required: true }]}
          >
            <InputNumber min={100} max={500} {...INT} />
          </Form.Item>
          <Form.Item label="计息天数/年" name="dayCountDaysPerYear">
            <Select
              options={[
                { value: 360, label: '360 天' },
                { value: 365, label: '365 天' },
              ]}
            />
          </Form.Item>
          <Form.Item label="库存现金限额（元）" name="cashLimitYuan" rules={YUAN_RULES}>
            <Input suffix="元" />
          </Form.Item>
        </div>
        <Divider titlePlacement="start">借款</Divider>
        <div style={grid}>
          <Form.Item label="首次借款限额（元）" name="firstLoanLimitYuan" rules={YUAN_RULES}>
            <Input suffix="元" />
          </Form.Item>
          <Form.Item label="再次借款限额（元）" name="laterLoanLimitYuan" rules={YUAN_RULES}>
            <Input suffix="元" />
          </Form.Item>
          <Form.Item label="最长期限（月）" name="maxTermMonths" rules={[{ required: true }]}>
            <InputNumber min={1} max={60} {...INT} />
          </Form.Item>
          <Form.Item
            label="每户未还借款笔数上限"
            name="maxOutstandingLoansPerMember"
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={10} {...INT} />
          </Form.Item>
          <Form.Item label="展期次数上限" name="maxExtensions" rules={[{ required: true }]}>
            <InputNumber min={0} max={3} {...INT} />
          </Form.Item>
          <Form.Item label="公示天数" name="publicNoticeDays" rules={[{ required: true }]}>
            <InputNumber min={0} max={30} {...INT} />
          </Form.Item>
          <Form.Item label="联保小组户数上限" name="groupSize" rules={[{ required: true }]}>
            <InputNumber min={2} max={15} {...INT} />
          </Form.Item>
          <Form.Item
            label="小组同时借款户数上限"
            name="maxConcurrentBorrowersPerGroup"
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={15} {...INT} />
          </Form.Item>
        </div>
        <Form.Item
          label="生产性用途"
          name="productivePurposes"
          rules={[{ required: true, type: 'array', min: 1, message: '至少一项' }]}
        >
          <Select mode="tags" />
        </Form.Item>
        <Divider titlePlacement="start">入股与退社</Divider>
        <div style={grid}>
          <Form.Item label="每股金额（元）" name="shareUnitYuan" rules={YUAN_RULES}>
            <Input suffix="元" />
          </Form.Item>
          <Form.Item label="最少股数" name="minShares" rules={[{ required: true }]}>
            <InputNumber min={0} max={1000} {...INT} />
          </Form.Item>
          <Form.Item label="最多股数" name="maxShares" rules={[{ required: true }]}>
            <InputNumber min={1} max={1000} {...INT} />
          </Form.Item>
          <Form.Item label="贫困户配股股数" name="poorAllotmentShares" rules={[{ required: true }]}>
            <InputNumber min={0} max={100} {...INT} />
          </Form.Item>
          <Form.Item label="退社提前通知天数" name="exitNoticeDays" rules={[{ required: true }]}>
            <InputNumber min={0} max={365} {...INT} />
          </Form.Item>
        </div>
        <Divider titlePlacement="start">收益分配比例（合计 100%）</Divider>
        <div style={grid}>
          <Form.Item
            label="公积金（%）"
            name="commonReservePercent"
            dependencies={['welfareFundPercent', 'riskReservePercent']}
            rules={[{ required: true }, ratioRule]}
          >
            <InputNumber min={0} max={100} {...INT} />
          </Form.Item>
          <Form.Item label="公益金（%）" name="welfareFundPercent" rules={[{ required: true }]}>
            <InputNumber min={0} max={100} {...INT} />
          </Form.Item>
          <Form.Item label="风险准备金（%）" name="riskReservePercent" rules={[{ required: true }]}>
            <InputNumber min={0} max={100} {...INT} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
