/**
 * An enterprise of the park as a manifest's counterparty (receiver, transporter, onward receiver):
 * from the park's directory, which every signed-in user reads, since an enterprise's own list of
 * enterprises holds only itself.
 */
import { useMemo } from 'react';
import { Select, type SelectProps } from 'antd';
import { useNameOf } from '../../api/hooks';
import { useParkDirectory } from '../../api/trace';

export default function PartySelect(props: Omit<SelectProps<number>, 'options' | 'showSearch'>) {
  const directory = useParkDirectory();
  const nameOf = useNameOf();
  const options = useMemo(() => (directory.data?.items ?? []).map((e) => ({ value: e.id, label: `${nameOf(e)} (${e.code})` })), [directory.data, nameOf]);
  return <Select<number> options={options} loading={directory.isLoading} showSearch={{ optionFilterProp: 'label' }} allowClear {...props} />;
}
