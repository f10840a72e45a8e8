import { App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { LoanDetail, MoneyChannel } from '../../api/types.js';
import { BooksErrorAlert } from '../fund-setup/BooksErrorAlert.js';
import { CHANNEL_OPTIONS, dateOf, disabledFuture, today } from '../fund-setup/form-utils.js';
import { bylawsOn, useFundProfile } from '../fund-setup/queries.js';
import { useRequestIds } from '../fund-setup/request-id.js';
import { useGroups } from '../groups/queries.js';
import { ACTION_LABELS, type LoanActionKind } from './loan-actions.js';
import { useDisburse, useExtend, useLoanStep, useWriteOff } from './queries.js';

type StepAction = Exclude<LoanActionKind, 'repay'>;

interface ActionValues {
  on: Dayjs;
  reason?: string;
  guarantor1MemberId?: number;
  guarantor2MemberId?: number;
  contractNo?: string;
  method?: MoneyChannel;
  newDueOn?: Dayjs;
  resolutionNo?: string;
  resolutionDate?: Dayjs;
}

const DATE_LABELS: Readonly<Record<StepAction, string>> = {
  group_review: '小组意见日期',
  board_approve: '审批日期',
  supervisor_review: '审查日期',
  publicize: '公示开始日期',
  contract: '签约日期',
  disburse: '放款日期',
  extend: '批准日期',
  write_off: '核销日期',
  reject: '驳回日期',
};

/** The borrower's fellow group members: the candidates for 代偿人. */
function useGuarantorOptions(fundId: number, loan: LoanDetail) {
  const groups = useGroups(fundId);
  const group = groups.data?.items.find((g) => g.members.some((m) => m.memberId === loan.memberId));
  return (group?.members ?? [])
    .filter((m) => m.memberId !== loan.memberId)
    .map((m) => ({ value: m.memberId, label: m.headName }));
}

/** One step of a loan (approval, 公示, contract, 放款, 展期, 核销, 驳回) in a dialog. */
export function LoanActionModal({
  fundId,
  loan,
  action,
  onClose,
}: {
  fundId: number;
  loan: LoanDetail;
  action: StepAction | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<ActionValues>();
  const step = useLoanStep(fundId, loan.id);
  const disburse = useDisburse(fundId, loan.id);
  const extend = useExtend(fundId, loan.id);
  const writeOff = useWriteOff(fundId, loan.id);
  const ids = useRequestIds();
  const profile = useFundProfile(fundId);
  const guarantors = useGuarantorOptions(fundId, loan);
  const { message } = App.useApp();
  const g1 = Form.useWatch('guarantor1MemberId', form);
  const active =
    action === 'disburse'
      ? disburse
      : action === 'extend'
        ? extend
        : action === 'write_off'
          ? writeOff
          : step;
  const noticeDays =
    profile.data === undefined
      ? undefined
      : bylawsOn(profile.data, dateOf(today()))?.publicNoticeDays;

  const finished = (text: string) => {
    ids.done();
    void message.success(text);
    onClose();
  };

  const submit = (values: ActionValues) => {
    if (action === null) return;
    const on = dateOf(values.on);
    const reason = values.reason?.trim() ?? '';
    const withReason = reason === '' ? {} : { reason };
    const done = {
      onSuccess: () => {
        finished(`${ACTION_LABELS[action]}已办理`);
      },
    };
    switch (action) {
      case 'group_review':
        step.mutate(
          {
            action,
            on,
            guarantor1MemberId: values.guarantor1MemberId ?? 0,
            guarantor2MemberId: values.guarantor2MemberId ?? 0,
            ...withReason,
          },
          done,
        );
        return;
      case 'board_approve':
      case 'supervisor_review':
        step.mutate({ action, on, ...withReason }, done);
        return;
      case 'publicize':
        step.mutate({ action, on }, done);
        return;
      case 'contract':
        step.mutate({ action, on, contractNo: values.contractNo?.trim() ?? '' }, done);
        return;
      case 'reject':
        step.mutate({ action, on, reason }, done);
        return;
      case 'disburse': {
        const body = { on, method: values.method ?? 'cash' };
        disburse.mutate(
          { ...body, requestId: ids.idFor(body) },
          {
            onSuccess: (r) => {
              finished(`已放款，凭证号 ${r.voucherNo}`);
            },
          },
        );
        return;
      }
      case 'extend':
        extend.mutate(
          {
            approvedOn: on,
            newDueOn: values.newDueOn === undefined ? '' : dateOf(values.newDueOn),
            reason,
          },
          done,
        );
        return;
      case 'write_off': {
        const body = {
          on,
          resolutionNo: values.resolutionNo?.trim() ?? '',
          resolutionDate: values.resolutionDate === undefined ? on : dateOf(values.resolutionDate),
        };
        writeOff.mutate(
          { ...body, requestId: ids.idFor(body) },
          {
            onSuccess: (r) => {
              finished(`已核销，凭证号 ${r.voucherNo}`);
            },
          },
        );
        return;
      }
    }
  };

  return (
    <Modal
      title={
        action === null
          ? ''
          : `${ACTION_LABELS[action]}：第 ${String(loan.loanNo)} 号 ${loan.borrowerName}`
      }
      open={action !== null}
      okText={action === 'reject' ? '确认驳回' : '确认'}
      okButtonProps={{ danger: action === 'reject' || action === 'write_off' }}
      confirmLoading={active.isPending}
      onOk={() => {
        form.submit();
      }}
      onCancel={() => {
        active.reset();
        onClose();
      }}
      destroyOnHidden
    >
      {action === 'publicize' && noticeDays !== undefined ? (
        <Typography.Paragraph type="secondary">
          章程规定公示 {noticeDays} 天，公示期满后方可放款。
        </Typography.Paragraph>
      ) : null}
      <BooksErrorAlert error={active.error} />
      <Form<ActionValues>
        form={form}
        layout="vertical"
        className="loan-action-form"
        onFinish={submit}
        initialValues={{
          on: today(),
          method: 'bank',
          contractNo: `JK-${loan.appliedOn.slice(0, 4)}-${String(loan.loanNo).padStart(3, '0')}`,
        }}
      >
        <Form.Item
          label={action === null ? '日期' : DATE_LABELS[action]}
          name="on"
          rules={[{ required: true, message: '请选择日期' }]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={disabledFuture} />
        </Form.Item>
        {action === 'group_review' ? (
          <>
            <Form.Item
              label="第一代偿人"
              name="guarantor1MemberId"
              rules={[{ required: true, message: '请选择' }]}
            >
              <Select options={guarantors} notFoundContent="借款人所在联保小组没有其他成员" />
            </Form.Item>
            <Form.Item
              label="第二代偿人"
              name="guarantor2MemberId"
              dependencies={['guarantor1MemberId']}
              rules={[
                { required: true, message: '请选择' },
                {
                  validator: async (_r, value: number | undefined) => {
                    if (value !== undefined && value === g1) throw new Error('两位代偿人须不同');
                  },
                },
              ]}
            >
              <Select options={guarantors.filter((o) => o.value !== g1)} />
            </Form.Item>
          </>
        ) : null}
        {action === 'contract' ? (
          <Form.Item
            label="合同编号"
            name="contractNo"
            rules={[{ required: true, whitespace: true }, { max: 40 }]}
          >
            <Input />
          </Form.Item>
        ) : null}
        {action === 'disburse' ? (
          <Form.Item label="放款方式" name="method">
            <Select options={[...CHANNEL_OPTIONS]} />
          </Form.Item>
        ) : null}
        {action === 'extend' ? (
          <Form.Item
            label="展期后到期日"
            name="newDueOn"
            rules={[{ required: true, message: '请选择' }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        {action === 'write_off' ? (
          <>
            <Form.Item
              label="会员大会决议文号"
              name="resolutionNo"
              rules={[{ required: true, whitespace: true }, { max: 60 }]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              label="决议日期"
              name="resolutionDate"
              rules={[{ required: true, message: '请选择' }]}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={disabledFuture} />
            </Form.Item>
          </>
        ) : null}
        {action === 'reject' || action === 'extend' ? (
          <Form.Item
            label={action === 'reject' ? '驳回理由' : '展期理由'}
            name="reason"
            rules={[{ required: true, whitespace: true, message: '请填写理由' }, { max: 2000 }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        ) : null}
        {action === 'group_review' ||
        action === 'board_approve' ||
        action === 'supervisor_review' ? (
          <Form.Item label="意见" name="reason" rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} placeholder="同意" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
