import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { BooksErrorAlert } from '../fund-setup/BooksErrorAlert.js';
import { dateOf, disabledFuture, today } from '../fund-setup/form-utils.js';
import { bylawsOn, useFundProfile } from '../fund-setup/queries.js';
import { useMembers } from '../members/queries.js';
import { useCreateGroup } from './queries.js';

interface GroupValues {
  name: string;
  formedOn: Dayjs;
  memberIds: number[];
}

/** 组建联保小组: 2 to the bylaws' group size of active members not yet in a group. */
export function CreateGroupForm({
  fundId,
  open,
  onClose,
  suggestedName,
}: {
  fundId: number;
  open: boolean;
  onClose: () => void;
  suggestedName: string;
}) {
  const [form] = Form.useForm<GroupValues>();
  const create = useCreateGroup(fundId);
  const profile = useFundProfile(fundId);
  // The page-size limit (200) covers a village's households; the server checks the rest.
  const members = useMembers(fundId, { status: 'active', page: 1, pageSize: 200 }, open);
  const { message } = App.useApp();
  const maxSize =
    profile.data === undefined ? 5 : (bylawsOn(profile.data, dateOf(today()))?.groupSize ?? 5);
  const options = (members.data?.items ?? [])
    .filter((m) => m.groupName === null)
    .map((m) => ({ value: m.id, label: `${String(m.memberNo)} ${m.headName}` }));
  return (
    <Modal
      title="组建联保小组"
      open={open}
      okText="组建"
      confirmLoading={create.isPending}
      onOk={() => {
        form.submit();
      }}
      onCancel={() => {
        create.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <BooksErrorAlert error={create.error} />
      <Form<GroupValues>
        form={form}
        layout="vertical"
        className="create-group-form"
        initialValues={{ name: suggestedName, formedOn: today(), memberIds: [] }}
        onFinish={(values) => {
          create.mutate(
            {
              name: values.name.trim(),
              formedOn: dateOf(values.formedOn),
              memberIds: values.memberIds,
            },
            {
              onSuccess: () => {
                void message.success(`${values.name.trim()} 已组建`);
                form.resetFields();
                onClose();
              },
            },
          );
        }}
      >
        <Form.Item
          label="小组名称"
          name="name"
          rules={[{ required: true, whitespace: true }, { max: 30 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item label="组建日期" name="formedOn" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={disabledFuture} />
        </Form.Item>
        <Form.Item
          label={`成员（2–${String(maxSize)} 户，在册且未加入其他小组）`}
          name="memberIds"
          rules={[
            {
              validator: async (_r, value: number[] | undefined) => {
                const n = value?.length ?? 0;
                if (n < 2) throw new Error('至少选择 2 户');
                if (n > maxSize) throw new Error(`最多 ${String(maxSize)} 户`);
              },
            },
          ]}
        >
          <Select
            mode="multiple"
            loading={members.isFetching}
            showSearch={{ optionFilterProp: 'label' }}
            options={options}
            placeholder="选择会员"
            notFoundContent="没有未入组的在册会员"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
