import { App, DatePicker, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { Money } from '../../ui/Money.js';
import { BooksErrorAlert } from '../fund-setup/BooksErrorAlert.js';
import { dateOf, disabledFuture, today, YUAN_RULES, yuanToFen } from '../fund-setup/form-utils.js';
import { bylawsOn, useFundProfile } from '../fund-setup/queries.js';
import { useRequestIds } from '../fund-setup/request-id.js';
import { MemberSelect } from '../members/MemberSelect.js';
import { useApplyLoan } from './queries.js';

interface ApplyValues {
  memberId: number;
  amountYuan: string;
  termMonths: number;
  instalments: number;
  purpose: string;
  purposeDetail?: string;
  appliedOn: Dayjs;
}

/** 借款申请: the server checks every rule and lists all that fail. */
export function ApplyLoanForm({
  fundId,
  open,
  onClose,
}: {
  fundId: number;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<ApplyValues>();
  const apply = useApplyLoan(fundId);
  const profile = useFundProfile(fundId);
  const ids = useRequestIds();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const bylaws = profile.data === undefined ? undefined : bylawsOn(profile.data, dateOf(today()));
  const submit = (values: ApplyValues) => {
    const amountFen = yuanToFen(values.amountYuan);
    if (amountFen === null) return;
    const detail = values.purposeDetail?.trim() ?? '';
    const body = {
      memberId: values.memberId,
      amountFen,
      termMonths: values.termMonths,
      instalments: values.instalments,
      purpose: values.purpose,
      ...(detail === '' ? {} : { purposeDetail: detail }),
      appliedOn: dateOf(values.appliedOn),
    };
    apply.mutate(
      { ...body, requestId: ids.idFor(body) },
      {
        onSuccess: (loan) => {
          ids.done();
          void message.success(`借款申请已登记（第 ${String(loan.loanNo)} 号）`);
          form.resetFields();
          onClose();
          void navigate(`/loans/${String(loan.id)}`);
        },
      },
    );
  };
  return (
    <Modal
      title="借款申请"
      open={open}
      okText="提交申请"
      width={600}
      confirmLoading={apply.isPending}
      onOk={() => {
        form.submit();
      }}
      onCancel={() => {
        apply.reset();
        onClose();
      }}
      destroyOnHidden
    >
      {bylaws === undefined ? null : (
        <Typography.Paragraph type="secondary">
          章程规定：首次借款不超过 <Money fen={bylaws.firstLoanLimitFen} unit />
          ，再次借款不超过 <Money fen={bylaws.laterLoanLimitFen} unit />
          ，期限不超过 {bylaws.maxTermMonths} 个月。
        </Typography.Paragraph>
      )}
      <BooksErrorAlert error={apply.error} />
      <Form<ApplyValues>
        form={form}
        layout="vertical"
        className="apply-loan-form"
        onFinish={submit}
        initialValues={{ termMonths: 12, instalments: 1, appliedOn: today() }}
      >
        <Form.Item
          label="借款人"
          name="memberId"
          rules={[{ required: true, message: '请选择借款人' }]}
        >
          <MemberSelect fundId={fundId} />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', columnGap: 16 }}>
          <Form.Item label="借款金额（元）" name="amountYuan" rules={YUAN_RULES}>
            <Input inputMode="decimal" suffix="元" />
          </Form.Item>
          <Form.Item label="期限（月）" name="termMonths" rules={[{ required: true }]}>
            <InputNumber min={1} max={60} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            label="分期数"
            name="instalments"
            tooltip="1 为到期一次还本付费"
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={60} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
          <Form.Item
            label="用途"
            name="purpose"
            rules={[{ required: true, message: '请选择用途' }]}
          >
            <Select
              loading={profile.isPending}
              options={(bylaws?.productivePurposes ?? []).map((p) => ({ value: p, label: p }))}
            />
          </Form.Item>
          <Form.Item label="申请日期" name="appliedOn" rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={disabledFuture} />
          </Form.Item>
        </div>
        <Form.Item label="用途说明" name="purposeDetail" rules={[{ max: 200 }]}>
          <Input.TextArea rows={2} placeholder="如：购买仔猪 20 头" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
