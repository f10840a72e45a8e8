import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { DateText } from '../../ui/DateText.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { BooksErrorAlert } from '../fund-setup/BooksErrorAlert.js';
import { BooksFundGate } from '../fund-setup/books-fund.js';
import { dateOf, disabledFuture, today } from '../fund-setup/form-utils.js';
import { useRequestIds } from '../fund-setup/request-id.js';
import { useFund } from '../funds/queries.js';
import { useProgrammeAccess } from '../plans/programme-access.js';
import { FinalCheck } from './FinalCheck.js';
import { useCloseFund, useDecideExit, useExitStatus } from './queries.js';
import { fire } from '../plans/fire.js';

function DecisionForm({ fundId }: { fundId: number }) {
  const [form] = Form.useForm<{ decidedOn: Dayjs; reason: string }>();
  const decide = useDecideExit(fundId);
  const { message } = App.useApp();
  return (
    <Card title="作出退出决定" size="small" style={{ marginTop: 16 }}>
      <BooksErrorAlert error={decide.error} />
      <Form<{ decidedOn: Dayjs; reason: string }>
        form={form}
        layout="vertical"
        className="exit-decision-form"
        initialValues={{ decidedOn: today() }}
        style={{ maxWidth: 560 }}
        onFinish={(values) => {
          fire(async () => {
            await decide.mutateAsync({
              decidedOn: dateOf(values.decidedOn),
              reason: values.reason.trim(),
            });
            message.success('已作出退出决定');
          });
        }}
      >
        <Form.Item name="decidedOn" label="决定日期" rules={[{ required: true }]}>
          <DatePicker disabledDate={disabledFuture} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="退出理由"
          rules={[{ required: true, whitespace: true, message: '请写明退出理由' }]}
        >
          <Input.TextArea rows={3} maxLength={500} placeholder="如：整改后考评仍不合格" />
        </Form.Item>
        <Button type="primary" danger htmlType="submit" loading={decide.isPending}>
          作出退出决定
        </Button>
      </Form>
    </Card>
  );
}

function CloseModal({
  fundId,
  open,
  onClose,
}: {
  fundId: number;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ on: Dayjs }>();
  const close = useCloseFund(fundId);
  const ids = useRequestIds();
  const { message } = App.useApp();
  return (
    <Modal
      title="退出清算"
      open={open}
      okText="清算并关账"
      okButtonProps={{ danger: true }}
      confirmLoading={close.isPending}
      onOk={() => {
        form.submit();
      }}
      onCancel={() => {
        close.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <BooksErrorAlert error={close.error} />
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title="清算将退还每户会员的互助金，把财政资金、捐赠、积累和结余上缴区县，然后关账。须先收回或核销全部借款。此操作不能撤销。"
      />
      <Form<{ on: Dayjs }>
        form={form}
        layout="vertical"
        initialValues={{ on: today() }}
        onFinish={(values) => {
          fire(async () => {
            const body = { on: dateOf(values.on) };
            await close.mutateAsync({ ...body, requestId: ids.idFor(body) });
            ids.done();
            message.success('退出清算完成');
            onClose();
          });
        }}
      >
        <Form.Item name="on" label="清算日期" rules={[{ required: true }]}>
          <DatePicker disabledDate={disabledFuture} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Exit({ fundId }: { fundId: number }) {
  const fund = useFund(fundId);
  const status = useExitStatus(fundId);
  const access = useProgrammeAccess();
  const [closing, setClosing] = useState(false);
  return (
    <div>
      <PageHeader title="互助社退出" subtitle={fund.data?.name} />
      <BooksErrorAlert error={status.error} />
      {status.isPending ? (
        <Skeleton active />
      ) : status.data === undefined ? null : !status.data.decided ? (
        <>
          <Card size="small">
            <Descriptions
              size="small"
              items={[
                {
                  key: 'status',
                  label: '退出状态',
                  children: <Tag className="exit-status">未作出退出决定</Tag>,
                },
              ]}
            />
            <Typography.Text type="secondary">
              考评不合格且整改后仍不合格、或发现挪用和资金损失的互助社，由市级作出退出决定。
            </Typography.Text>
          </Card>
          {access.city ? <DecisionForm fundId={fundId} /> : null}
        </>
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={3}
              items={[
                {
                  key: 'status',
                  label: '退出状态',
                  children:
                    status.data.closedOn === null ? (
                      <Tag color="orange" className="exit-status">
                        已决定退出，待清算
                      </Tag>
                    ) : (
                      <Tag color="red" className="exit-status">
                        已清算关账
                      </Tag>
                    ),
                },
                {
                  key: 'decidedOn',
                  label: '决定日期',
                  children: <DateText value={status.data.decidedOn} />,
                },
                { key: 'reason', label: '退出理由', children: status.data.reason },
              ]}
            />
            {status.data.closedOn === null && access.booksWrite ? (
              <Button
                type="primary"
                danger
                onClick={() => {
                  setClosing(true);
                }}
              >
                退出清算
              </Button>
            ) : null}
          </Card>
          {status.data.finalCheck === null ? null : (
            <Card title="清算核对" size="small">
              <FinalCheck check={status.data.finalCheck} />
            </Card>
          )}
        </>
      )}
      <CloseModal
        fundId={fundId}
        open={closing}
        onClose={() => {
          setClosing(false);
        }}
      />
    </div>
  );
}

/** 退出: a fund's exit — the city's decision, the clearing and its final check. */
export function ExitPage() {
  return <BooksFundGate>{(fundId) => <Exit key={fundId} fundId={fundId} />}</BooksFundGate>;
}
