import { Choices } from './Choices';

/** The 「全部」 choice: no building picked means the whole community. */
const ALL = 0;

interface BuildingChoicesProps {
  /** Ids of the choices: `${idPrefix}-0` is 「全部」, then one per building in the order given. */
  idPrefix: string;
  buildings: readonly { id: number; name: string }[];
  /** The buildings picked; none = the whole community. */
  buildingIds: readonly number[];
  /** Whether 「全部」 shows as picked (a form may also narrow by zone). */
  whole: boolean;
  /** The new list of buildings; `all` when 「全部」 was tapped (the form clears its other narrowing too). */
  onChange: (buildingIds: number[], all: boolean) => void;
}

/** Which buildings something is for (a window, a notice, a class): 「全部」 or a few, as big buttons. */
export function BuildingChoices({ idPrefix, buildings, buildingIds, whole, onChange }: BuildingChoicesProps) {
  const toggle = (b: number): void => {
    if (b === ALL) return onChange([], true);
    onChange(buildingIds.includes(b) ? buildingIds.filter((x) => x !== b) : [...buildingIds, b], false);
  };
  return (
    <Choices
      idPrefix={idPrefix}
      columns={4}
      options={[{ value: ALL, label: '全部' }, ...buildings.map((b) => ({ value: b.id, label: b.name }))]}
      selected={whole ? [ALL] : buildingIds}
      onToggle={toggle}
    />
  );
}
