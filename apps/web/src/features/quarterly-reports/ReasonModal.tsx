import type { ReactNode } from 'react';
import { Form, Input, Modal } from 'antd';
import { ErrorAlert } from '../../ui/ErrorAlert.js';

/** The most a reason or note may hold (the server's limit). */
const MAX_REASON = 500;

/**
 * A dialog asking for a reason or note before an action (退回, 申请解锁, 处理预警…); `required`
 * refuses an empty one before the server is asked.
 */
export function ReasonModal({
  open,
  title,
  label,
  okText,
  required = true,
  pending,
  error,
  description,
  okDanger = false,
  onSubmit,
  onClose,
}: {
  open: boolean;
  title: string;
  label: string;
  okText: string;
  required?: boolean;
  pending: boolean;
  error: unknown;
  description?: ReactNode;
  okDanger?: boolean;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ reason?: string }>();
  return (
    <Modal
      title={title}
      open={open}
      okText={okText}
      okButtonProps={{ danger: okDanger }}
      confirmLoading={pending}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
      className="reason-modal"
    >
      {description}
      <ErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(values) => {
          onSubmit((values.reason ?? '').trim());
        }}
      >
        <Form.Item
          label={label}
          name="reason"
          rules={[
            ...(required ? [{ required: true, whitespace: true, message: `请填写${label}` }] : []),
            { max: MAX_REASON, message: `不超过 ${String(MAX_REASON)} 字` },
          ]}
        >
          <Input.TextArea rows={3} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
