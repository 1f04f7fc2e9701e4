import type { Door } from '../community/households.service';

export interface PickOrder {
  id: number;
  householdId: number;
  note: string | null;
  lines: { itemId: number; name: string; quantity: number }[];
}

/** What to take from each supplier: item totals. */
export interface SupplierPickList {
  supplier: string;
  items: { itemId: number; name: string; quantity: number }[];
}

/** What each household of a building gets, door by door. */
export interface BuildingPickList {
  building: string;
  households: {
    door: string;
    unit: string;
    room: string;
    orders: number[];
    items: { name: string; quantity: number }[];
    notes: string[];
  }[];
  items: { name: string; quantity: number }[];
}

export interface PickLists {
  bySupplier: SupplierPickList[];
  byBuilding: BuildingPickList[];
  orders: number;
}

const byNumber = (a: string, b: string): number => a.localeCompare(b, 'zh-CN', { numeric: true });

function addTo(list: { name: string; quantity: number; itemId?: number }[], name: string, quantity: number, itemId?: number): void {
  const found = list.find((l) => l.name === name);
  if (found) found.quantity += quantity;
  else list.push(itemId === undefined ? { name, quantity } : { itemId, name, quantity });
}

/**
 * Pick lists of a window's orders: per supplier the item totals to collect, per building the
 * households in door order with what each gets (several orders of one household merged).
 */
export function buildPickLists(orders: PickOrder[], doors: Map<number, Door>, supplierOf: Map<number, string>): PickLists {
  const suppliers = new Map<string, SupplierPickList>();
  const buildings = new Map<string, BuildingPickList>();
  for (const order of orders) {
    const door = doors.get(order.householdId);
    const buildingName = door?.building ?? '';
    let building = buildings.get(buildingName);
    if (!building) {
      building = { building: buildingName, households: [], items: [] };
      buildings.set(buildingName, building);
    }
    const doorLabel = door ? `${door.building}${door.unit}${door.room}` : `#${order.householdId}`;
    let household = building.households.find((h) => h.door === doorLabel);
    if (!household) {
      household = { door: doorLabel, unit: door?.unit ?? '', room: door?.room ?? '', orders: [], items: [], notes: [] };
      building.households.push(household);
    }
    household.orders.push(order.id);
    if (order.note) household.notes.push(order.note);
    for (const line of order.lines) {
      const supplierName = supplierOf.get(line.itemId) ?? '';
      let supplier = suppliers.get(supplierName);
      if (!supplier) {
        supplier = { supplier: supplierName, items: [] };
        suppliers.set(supplierName, supplier);
      }
      addTo(supplier.items, line.name, line.quantity, line.itemId);
      addTo(household.items, line.name, line.quantity);
      addTo(building.items, line.name, line.quantity);
    }
  }
  const byBuilding = [...buildings.values()].sort((a, b) => byNumber(a.building, b.building));
  for (const b of byBuilding) b.households.sort((x, y) => byNumber(x.unit, y.unit) || byNumber(x.room, y.room));
  return { bySupplier: [...suppliers.values()].sort((a, b) => byNumber(a.supplier, b.supplier)), byBuilding, orders: orders.length };
}
